"""Evidence: each mention's field and offsets point at the name as written."""


def test_offsets_point_at_the_mention_in_each_field(analyse):
    title = "ICE raids in Chicago"
    text = "Agents arrested people in Chicago's Little Village. “Chicago” stands firm; (Chicago) too."
    result = analyse(title, text)
    (chicago,) = result.jurisdictions
    assert [(m.field, m.text) for m in chicago.evidence] == [("title", "Chicago")] + [("text", "Chicago")] * 3
    for m in chicago.evidence:
        source = title if m.field == "title" else text
        assert source[m.start : m.end] == m.text


def test_non_ascii_text_keeps_offsets(analyse):
    text = "İstanbul visitors — and Doña Ana County officials — met in El Paso."
    result = analyse("", text)
    for j in result.jurisdictions:
        for m in j.evidence:
            assert text[m.start : m.end] == m.text
    assert {j.name for j in result.jurisdictions} >= {"Doña Ana County", "El Paso"}
