"""Full application submissions against a running server, as browsers would make them: every step page
is fetched (GET) and saved (POST), a 1 MB PDF CV is uploaded, the review page is read, the application is
submitted and the status page is read. Each worker thread takes the next signed-in session.

Usage: python bench/submit_load.py BASE_URL SESSIONS_FILE OUT_JSON [--concurrency N] [--pdf-mb 1]
Prints and writes: submissions, requests, seconds, submissions/s, requests/s, p50/p99 per submission, errors.
"""

import argparse
import http.client
import json
import re
import statistics
import threading
import time
import uuid
from urllib.parse import urlencode, urlsplit

STEPS = {
    "about": {"first_name": "Bench", "last_name": "Applicant", "email": "bench@example.org", "phone": "+46 70 123 45 67",
              "country_of_residence": "SE", "organisation": "Bench Cluster", "role": "Cluster manager",
              "languages": "Swedish", "english_level": "fluent"},
    "cluster": {"cluster_name": "Bench Cluster", "cluster_website": "https://bench.example.org", "cluster_country": "SE",
                "cluster_sector": "ICT", "cluster_members": "80", "years_as_manager": "5", "project_management": "yes",
                "project_management_description": "Several EU projects."},
    "motivation": {"motivation_letter": "I want to learn from peers and build our strategy. " * 10},
    "cv": {},
    "availability": {"can_join_all_modules": "yes"},
    "consent": {"accept": "on"},
}
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def make_pdf(megabytes: float) -> bytes:
    """A well-formed one-page PDF of about ``megabytes`` (a CV the upload check accepts: catalog, page tree, one
    page with a line of text, a cross-reference table with true offsets, ``%%EOF`` at its end); the bulk is
    comment lines inside the page's content stream, which readers skip."""
    filler = b"% " + b"x" * 77 + b"\n"
    text = b"BT /F1 14 Tf 72 770 Td (Bench Applicant - curriculum vitae) Tj ET\n"
    content = text + filler * max(0, int(megabytes * 1024 * 1024 / len(filler)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += str(number).encode() + b" 0 obj\n" + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 " + str(len(objects) + 1).encode() + b"\n0000000000 65535 f \n"
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size " + str(len(objects) + 1).encode() + b" /Root 1 0 R >>\nstartxref\n"
    out += str(xref).encode() + b"\n%%EOF\n"
    return bytes(out)


class Browser:
    def __init__(self, base: str, session_key: str):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.cookies = {"sessionid": session_key}
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        self.requests = 0
        self.base = base

    def _cookie_header(self):
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def request(self, method, path, body=None, headers=None):
        headers = {"Cookie": self._cookie_header(), "Referer": self.base + path, **(headers or {})}
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
        except (http.client.HTTPException, OSError):
            self.conn.close()
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
        data = response.read()
        self.requests += 1
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, data

    def get_token(self, path):
        status, data = self.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path}: HTTP {status}")
        match = TOKEN.search(data)
        return match.group(1).decode() if match else None

    def post_form(self, path, fields, token):
        body = urlencode({**fields, "csrfmiddlewaretoken": token}, doseq=True)
        return self.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def post_multipart(self, path, fields, files, token):
        boundary = uuid.uuid4().hex
        chunks = []
        for name, value in {**fields, "csrfmiddlewaretoken": token}.items():
            chunks.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for name, (filename, content, mimetype) in files.items():
            chunks.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                f"Content-Type: {mimetype}\r\n\r\n".encode() + content + b"\r\n"
            )
        chunks.append(f"--{boundary}--\r\n".encode())
        return self.request("POST", path, b"".join(chunks), {"Content-Type": f"multipart/form-data; boundary={boundary}"})


def submit_one(base, session_key, pdf):
    browser = Browser(base, session_key)
    token = browser.get_token("/apply/")
    status, _ = browser.post_form("/apply/begin/", {}, token)
    if status != 302:
        raise RuntimeError(f"begin: HTTP {status}")
    for step, fields in STEPS.items():
        token = browser.get_token(f"/apply/step/{step}/")
        path = f"/apply/step/{step}/"
        if step == "cv":
            status, data = browser.post_multipart(path, {"action": "next"}, {"cv-file": ("cv.pdf", pdf, "application/pdf")}, token)
        else:
            status, data = browser.post_form(path, {**fields, "action": "next"}, token)
        if status != 302:
            raise RuntimeError(f"step {step}: HTTP {status}")
    token = browser.get_token("/apply/review/")
    status, _ = browser.post_form("/apply/submit/", {}, token)
    if status != 302:
        raise RuntimeError(f"submit: HTTP {status}")
    status, data = browser.request("GET", "/apply/status/")
    if status != 200 or b"Submitted" not in data:
        raise RuntimeError(f"status page: HTTP {status}")
    browser.conn.close()
    return browser.requests


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("sessions")
    parser.add_argument("out")
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--pdf-mb", type=float, default=1.0)
    args = parser.parse_args()
    keys = [line.strip() for line in open(args.sessions) if line.strip()]
    pdf = make_pdf(args.pdf_mb)
    lock = threading.Lock()
    durations, errors, totals = [], [], []

    def worker():
        while True:
            with lock:
                if not keys:
                    return
                key = keys.pop()
            started = time.perf_counter()
            try:
                count = submit_one(args.base, key, pdf)
            except Exception as error:  # noqa: BLE001 - every failure is counted and reported
                with lock:
                    errors.append(str(error))
                continue
            with lock:
                durations.append(time.perf_counter() - started)
                totals.append(count)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    durations.sort()
    result = {
        "submissions": len(durations),
        "errors": len(errors),
        "error_examples": errors[:3],
        "requests": sum(totals),
        "seconds": round(seconds, 2),
        "submissions_per_s": round(len(durations) / seconds, 2),
        "requests_per_s": round(sum(totals) / seconds, 1),
        "p50_s": round(statistics.median(durations), 3) if durations else None,
        "p99_s": round(durations[min(len(durations) - 1, int(len(durations) * 0.99))], 3) if durations else None,
        "concurrency": args.concurrency,
        "pdf_bytes": len(pdf),
    }
    json.dump(result, open(args.out, "w"), indent=2)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
