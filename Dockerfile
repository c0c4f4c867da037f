# The Leerlijn API and web page on Debian bookworm with Debian's kore 4.1.
# Used by docker-compose.yml; see docs/operations.md.
FROM debian:bookworm

RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      kore make gcc libc6-dev libjansson-dev libpq-dev libsodium-dev \
      libcurl4-openssl-dev \
      libxlsxwriter-dev \
      ca-certificates curl nodejs npm \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /srv/leerlijn
COPY . .
RUN make -s all && scripts/frontend.sh

ENV LEERLIJN_LISTEN=0.0.0.0:8888 \
    LEERLIJN_WEB_ROOT=/srv/leerlijn/frontend/dist \
    LEERLIJN_MODE=production
EXPOSE 8888
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD curl -fsS http://127.0.0.1:8888/api/v1/health || exit 1
# Wait for the database, migrate and seed, then serve (scripts/serve.sh).
CMD ["scripts/serve.sh"]
