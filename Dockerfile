# syntax=docker/dockerfile:1
# k8slint as a container: docker build -t k8slint . && docker run --rm -v "$PWD:/work" k8slint .
FROM python:3.12.7-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1
WORKDIR /src
RUN python -m venv /opt/k8slint
COPY pyproject.toml README.md ./
COPY linter ./linter
COPY rules ./rules
RUN /opt/k8slint/bin/pip install --no-cache-dir .

FROM python:3.12.7-slim-bookworm AS runtime
LABEL org.opencontainers.image.title="k8slint" \
      org.opencontainers.image.description="Lint Dockerfiles, Kubernetes manifests and Helm charts" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin k8slint
COPY --from=build /opt/k8slint /opt/k8slint
ENV PATH="/opt/k8slint/bin:${PATH}"
WORKDIR /work
USER 10001:10001
ENTRYPOINT ["k8slint"]
CMD ["."]
