"""The chart figures' <script> blocks: our faster json_script writes exactly Django's bytes, so a
figure's text can never close the script element or open another."""
import datetime
import json
import re

from django.utils.html import json_script as django_json_script

from tracker.templatetags.event_charts import json_script

HOSTILE = [
    "</script><script>alert(1)</script>",
    "<!-- -->", "a & b", "<>&<>&", "\u2028\u2029", "naïve – “quotes”", "\\u003C", "'\"",
    "", "plain",
]


def test_the_same_bytes_as_djangos_json_script_for_hostile_figures():
    figure = {
        "data": [{"type": "scattergeo", "text": HOSTILE, "customdata": [f"/x?a=1&b={t}" for t in HOSTILE],
                  "lat": [1.5, -2.25], "size": [1, 2**40]}],
        "layout": {"title": {"text": "</SCRIPT>&amp;"}, "when": datetime.date(2025, 1, 2), "none": None, "yes": True},
    }
    for element_id in ("events-map-data", 'x"><b>'):
        ours = json_script(figure, element_id)
        assert ours == django_json_script(figure, element_id)
        body = re.fullmatch(r'<script id="[^"]*" type="application/json">(.*)</script>', str(ours), re.S).group(1)
        assert "<" not in body and ">" not in body and "&" not in body
        decoded = json.loads(body)
        assert decoded["data"][0]["text"] == HOSTILE
        assert decoded["layout"]["when"] == "2025-01-02"
