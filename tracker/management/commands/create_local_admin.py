"""Create the local admin account for `make run`, printing its password once."""
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a superuser for local use with a random password, printed once. Does nothing if it exists."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username: str, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Local admin '{username}' already exists (its password was printed when it was created; "
                f"reset it with `python manage.py changepassword {username}`)."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(self.style.SUCCESS(f"Created local admin '{username}' with password: {password}"))
        self.stdout.write("This password is shown only now. Sign in at http://127.0.0.1:8000/admin/")
