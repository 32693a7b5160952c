"""An app whose system check always fails: shows where the checks run (and where they are skipped)."""
