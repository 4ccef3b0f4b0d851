# The Allegiance explorer (Streamlit) as a container; see docs/deploy.md.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies first: this layer is rebuilt only when the project metadata or model pin changes.
COPY pyproject.toml README.md ./
COPY requirements/ requirements/
COPY graph/ graph/
COPY loaders/ loaders/
COPY ui/ ui/
# The spaCy model is pinned by hash and installed without dependencies (spaCy comes from the
# project itself); --require-hashes refuses anything that does not match.
RUN pip install . \
 && pip install --no-deps --require-hashes -r requirements/model.txt

# Run as an unprivileged user with its own data directory (embedded store, settings).
RUN useradd --create-home --uid 10001 allegiance
USER allegiance
ENV ALLEGIANCE_DATA_DIR=/home/allegiance/data

EXPOSE 8501
# python:3.11-slim has neither curl nor wget; Python itself asks Streamlit's health endpoint.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"]

CMD ["streamlit", "run", "ui/app.py", "--server.address", "0.0.0.0", "--server.port", "8501", "--server.headless", "true"]
