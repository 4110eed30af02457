"""BYOR CSV and JSON import: the columns, the row report, encodings, markup, and the draft it makes."""

import json

import pytest

from campus.radars.importers import ImportRefused, byor, common, parse
from campus.radars.models import Blip, EditionState, Item

pytestmark = pytest.mark.django_db

HEADER = "name,ring,quadrant,isNew,status,description\n"


def csv_rows(*rows, header=HEADER):
    return (header + "".join(r + "\n" for r in rows)).encode("utf-8")


def test_rows_become_a_draft_edition_and_history_continues(radar, people):
    data = csv_rows("digital TWINS,adopt,technologies,false,,<b>Now</b> adopted",
                    "Robots,Trial,Business models & services,TRUE,,",
                    "Quotas,hold,markets-and-regulation,,,")
    parsed, dates = parse("byor-csv", data, radar)
    assert parsed.problems == [] and parsed.row_count == 3
    [edition] = common.commit(radar=radar, actor=people["alice"], parsed=parsed, dates=dates)
    assert edition.state == EditionState.DRAFT and edition.sequence == 2
    blips = {b.item.name: b for b in Blip.objects.filter(edition=edition).select_related("item", "ring", "quadrant")}
    assert set(blips) == {"Digital twins", "Robots", "Quotas"}  # the existing item keeps its name
    assert Item.objects.filter(radar=radar, name__iexact="digital twins").count() == 1
    assert blips["Digital twins"].ring.position == 0 and blips["Digital twins"].rationale == "<b>Now</b> adopted"
    assert blips["Robots"].quadrant.position == 1 and blips["Quotas"].quadrant.position == 2
    assert blips["Quotas"].ring.name == "Hold"


def test_headers_are_trimmed_and_read_in_any_case(radar):
    data = csv_rows("Robots,Trial,Technologies,true,x", header=" Name , RING,Quadrant ,isnew , Description\n")
    parsed, _ = parse("byor-csv", data, radar)
    assert parsed.problems == [] and parsed.editions[0].rows[0].status == "New"


def test_is_new_only_when_it_reads_true_and_status_wins():
    assert byor.status_of({"isNew": "TRUE"}) == "New"
    assert byor.status_of({"isNew": " true "}) == "New"
    for value in ("yes", "1", "", "x"):
        assert byor.status_of({"isNew": value}) == "No Change"
    assert byor.status_of({"isNew": "true", "status": "moved OUT"}) == "Moved Out"
    assert byor.status_of({"status": "sideways"}) is None


def test_every_bad_row_is_reported_with_its_line(radar):
    data = csv_rows("Robots,Trial,Technologies,true,,", "Ghost,Maybe,Technologies,,,", "Elf,Trial,Space,,,",
                    ",Trial,Technologies,,,", "ROBOTS,Hold,Technologies,,,", "Odd,Trial,Technologies,,sideways,")
    parsed, _ = parse("byor-csv", data, radar)
    reasons = {p.line: p.reason for p in parsed.problems}
    assert reasons == {3: "Unknown ring “Maybe”.", 4: "Unknown quadrant “Space”.", 5: "The name is empty.",
                       6: "Duplicate name: already on line 2.", 7: "Unknown status “sideways”."}
    assert [r.name for r in parsed.editions[0].rows] == ["Robots"]


def test_missing_columns_refuse_the_file(radar):
    with pytest.raises(ImportRefused, match="ring, .*isNew or status"):
        parse("byor-csv", b"name,quadrant,description\nA,Technologies,x\n", radar)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "latin-1", "cp1252"])
def test_encodings(radar, encoding):
    text = HEADER + "Café Müller,Trial,Technologies,true,,Überall\n"
    parsed, _ = parse("byor-csv", text.encode(encoding), radar)
    assert parsed.problems == []
    [row] = parsed.editions[0].rows
    assert row.name == "Café Müller" and row.description == "Überall"


def test_markup_is_kept_to_byors_subset_and_names_carry_none(radar):
    description = ('<p onclick="x()">Hi <a href="https://e.org" target="_blank" rel="noopener" style="x">l</a>'
                   '<script>alert(1)</script><img src=x onerror=alert(1)><u>u</u></p><h2>T</h2><style>p{}</style>')
    data = json.dumps([{"name": "<b>Bold</b> <script>alert(1)</script>idea", "ring": "Trial",
                        "quadrant": "Technologies", "isNew": "true", "description": description}]).encode()
    parsed, _ = parse("byor-json", data, radar)
    [row] = parsed.editions[0].rows
    assert row.name == "Bold idea"
    assert row.description == ('<p>Hi <a href="https://e.org" target="_blank" rel="noopener">l</a>'
                               '<u>u</u></p><h2>T</h2>')


def test_formula_cells_are_taken_as_text(radar, people):
    data = csv_rows('"=HYPERLINK(""http://evil"",""x"")",Trial,Technologies,true,,"=1+1"')
    parsed, _ = parse("byor-csv", data, radar)
    [row] = parsed.editions[0].rows
    assert row.name == '=HYPERLINK("http://evil","x")'
    common.commit(radar=radar, actor=people["alice"], parsed=parsed)
    assert Item.objects.filter(radar=radar, name__startswith="=HYPERLINK").exists()


def test_a_radar_with_a_draft_refuses(radar, people):
    from campus.radars import services
    services.new_draft(radar=radar, actor=people["alice"])
    parsed, _ = parse("byor-csv", csv_rows("Robots,Trial,Technologies,true,,"), radar)
    with pytest.raises(ImportRefused, match="already has a draft"):
        common.commit(radar=radar, actor=people["alice"], parsed=parsed)


def test_nothing_to_take_refuses(radar, people):
    parsed, _ = parse("byor-csv", csv_rows("Robots,Nowhere,Technologies,true,,"), radar)
    with pytest.raises(ImportRefused, match="no row"):
        common.commit(radar=radar, actor=people["alice"], parsed=parsed)


def test_not_json_and_not_a_list_are_refused(radar):
    with pytest.raises(ImportRefused):
        parse("byor-json", b"{nope", radar)
    with pytest.raises(ImportRefused):
        parse("byor-json", b'"a string"', radar)


def test_ten_thousand_rows(radar, people):
    data = csv_rows(*(f"Item {n},Trial,Technologies,true,,d{n}" for n in range(10_000)))
    parsed, _ = parse("byor-csv", data, radar)
    assert parsed.row_count == 10_000 and not parsed.problems
    [edition] = common.commit(radar=radar, actor=people["alice"], parsed=parsed)
    assert edition.blips.count() == 10_000
