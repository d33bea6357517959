# syntax=docker/dockerfile:1
# The web image: nginx serving the built SPA and proxying the API to the `api` service.
#   docker build -f deploy/web.Dockerfile -t spanner-web .
ARG NODE_IMAGE=node:24-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.30

# The same manifest and install steps as deploy/Dockerfile, so both builds share these layers.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/contracts/package.json packages/contracts/
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/

FROM manifests AS build
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.base.json ./
COPY packages/contracts packages/contracts
COPY apps/web apps/web
RUN npm run build -w @spanner/web

# Runs as the image's unprivileged nginx user (uid 101) on port 8080.
FROM ${NGINX_IMAGE}
COPY deploy/nginx.conf /etc/nginx/nginx.conf
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --start-interval=2s --retries=3 \
    CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/nginx-health"]
# nginx itself rather than the base image's entrypoint, whose start-up scripts rewrite config
# files; ours is complete as it is. Pid and temp files go under the prefix (see nginx.conf), and
# /tmp is the one writable place.
ENTRYPOINT ["nginx", "-p", "/tmp/", "-e", "stderr", "-g", "daemon off;"]
CMD []
