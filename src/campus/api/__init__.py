"""The read-only public API (/api/): JSON with an OpenAPI schema, built with django-ninja."""
