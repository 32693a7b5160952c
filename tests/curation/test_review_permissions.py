"""Only staff with the right permissions reach the review pages; every change needs a CSRF token."""
import pytest
from django.test import Client
from django.urls import reverse

from feeds.models import ArticleAction
from tests.curation.review_helpers import ATTACH, CREATE, REVIEW, VIEW, make_article, make_staff

pytestmark = pytest.mark.django_db


def pages(article):
    return [
        ("get", reverse("review:queue"), {}),
        ("get", reverse("review:article", args=[article.pk]), {}),
        ("get", reverse("review:create_event"), {"ids": [article.pk]}),
        ("get", reverse("review:attach"), {"ids": [article.pk]}),
        ("post", reverse("review:bulk_action"), {"ids": [article.pk], "action": "dismiss", "reason": "x"}),
        ("post", reverse("review:create_event"), {"ids": [article.pk]}),
        ("post", reverse("review:attach"), {"ids": [article.pk]}),
    ]


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    article = make_article()
    for method, url, data in pages(article):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login") + "?next="), url
    article.refresh_from_db()
    assert article.status == "new"


@pytest.mark.parametrize("perms, is_staff", [((), True), (CREATE + REVIEW, False)])
def test_staff_without_permissions_and_non_staff_get_403(client, perms, is_staff):
    article = make_article()
    client.force_login(make_staff(*perms, is_staff=is_staff))
    for method, url, data in pages(article):
        assert getattr(client, method)(url, data).status_code == 403, url
    assert not ArticleAction.objects.exists()


def test_viewing_does_not_allow_deciding(client):
    article = make_article()
    client.force_login(make_staff(*VIEW))
    assert client.get(reverse("review:queue")).status_code == 200
    assert client.get(reverse("review:article", args=[article.pk])).status_code == 200
    response = client.post(reverse("review:bulk_action"), {"ids": [article.pk], "action": "dismiss", "reason": "x"})
    assert response.status_code == 403
    assert client.get(reverse("review:create_event"), {"ids": [article.pk]}).status_code == 403
    assert client.get(reverse("review:attach"), {"ids": [article.pk]}).status_code == 403
    article.refresh_from_db()
    assert article.status == "new"


def test_each_permission_opens_exactly_its_page(client):
    article = make_article()
    client.force_login(make_staff(*ATTACH))
    assert client.get(reverse("review:attach"), {"ids": [article.pk]}).status_code == 200
    assert client.get(reverse("review:create_event"), {"ids": [article.pk]}).status_code == 403
    client.force_login(make_staff(*CREATE))
    assert client.get(reverse("review:create_event"), {"ids": [article.pk]}).status_code == 200


def test_csrf_is_enforced_on_actions():
    article = make_article()
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_staff(*REVIEW))
    data = {"ids": [article.pk], "action": "dismiss", "reason": "off topic"}
    assert client.post(reverse("review:bulk_action"), data).status_code == 403
    for url in (reverse("review:create_event"), reverse("review:attach")):
        assert client.post(url, {"ids": [article.pk]}).status_code == 403
    article.refresh_from_db()
    assert article.status == "new"
    # With the token the queue page hands out, the same request goes through.
    page = client.get(reverse("review:queue"))
    token = page.cookies["csrftoken"].value
    response = client.post(reverse("review:bulk_action"), {**data, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == "dismissed"


def test_actions_are_post_only(client):
    client.force_login(make_staff(*REVIEW))
    assert client.get(reverse("review:bulk_action")).status_code == 405


def test_no_action_is_taken_without_choosing_one(client):
    article = make_article()
    client.force_login(make_staff(*REVIEW))
    response = client.post(reverse("review:bulk_action"), {"ids": [article.pk], "action": ""}, follow=True)
    assert "Choose an action." in response.content.decode()
    assert not ArticleAction.objects.exists()
