"""The booklet PDF's URLs in the permission matrix (merged into matrix.py through matrix_booklet.py).

The public PDF answers everyone (the kept PDF, or the "being prepared" page while it is made: the world has none
kept, so 200 and a page); an edition that does not exist is a 404. The cohort's PDF is for participants of the
edition (anyone else signed in: 403, as every participant page). The staff page and download are for the
edition's programme managers (and superusers); anyone else signed in gets 404. An empty POST to the staff page
names no booklet: 404. The download of a booklet not made yet leads back to the staff page."""

from .matrix import LOGIN, Case, E

STAFF_PDF = "302→/staff/booklet/editions/{edition_id}/pdf/"

MATRIX = {
    "booklet:pdf": [
        Case("/booklet/{edition}/booklet.pdf", E("200"), E("405")),
        Case("/booklet/no-such-edition/booklet.pdf", E("404"), E("405")),
    ],
    "booklet_me:cohort_pdf": [Case("/me/booklet/cohort/booklet.pdf", E("403", anonymous=LOGIN, participant="200"),
                                   E("405"))],
    "staff_booklet:pdf": [
        Case("/staff/booklet/editions/{edition_id}/pdf/", E("404", anonymous=LOGIN, manager="200", superuser="200"),
             E("404", anonymous=LOGIN)),
        Case("/staff/booklet/editions/999999/pdf/", E("404", anonymous=LOGIN), E("404", anonymous=LOGIN)),
    ],
    "staff_booklet:pdf_download": [
        Case("/staff/booklet/editions/{edition_id}/pdf/public/",
             E("404", anonymous=LOGIN, manager=STAFF_PDF, superuser=STAFF_PDF), E("405")),
        Case("/staff/booklet/editions/{edition_id}/pdf/everyone/",
             E("404", anonymous=LOGIN), E("405"), note="no such booklet"),
    ],
}
