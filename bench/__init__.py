"""Benchmarks (not tests): timings reported as ratios to a baseline measured in the same run."""
