from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmarks as a Django app only so that its management commands (generate_synthetic,
    remove_synthetic) are found. It has no models and no URLs; the apps never import it."""

    name = "bench"
    verbose_name = "Benchmarks (synthetic data)"
