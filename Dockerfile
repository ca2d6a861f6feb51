# syntax=docker/dockerfile:1
# DAAP container image: `docker build -t daap .`, or `docker compose up --build` (compose.yaml).

# ---- Stage 1: build the jar -------------------------------------------------------------------
FROM eclipse-temurin:21.0.8_9-jdk-noble AS build

# The build runs the jOOQ code generator against an embedded PostgreSQL that it starts itself,
# and PostgreSQL refuses to run as root: build as an ordinary user.
RUN groupadd --gid 10002 builder \
 && useradd --uid 10002 --gid builder --create-home builder \
 && mkdir /src && chown builder:builder /src
USER builder
WORKDIR /src
COPY --chown=builder:builder . .

# The commit GET /v1/version reports: the build context has no .git (see .dockerignore), so it comes as a build
# argument (compose.yaml passes DAAP_COMMIT; by hand: --build-arg DAAP_COMMIT=$(git rev-parse HEAD)).
ARG DAAP_COMMIT=unknown
# The cache mount keeps ~/.m2 (Maven itself, fetched by mvnw, and every dependency) between builds;
# it is not part of the image.
RUN --mount=type=cache,target=/home/builder/.m2,uid=10002,gid=10002 \
    ./mvnw -B -DskipTests -Ddaap.git.skip=true "-Ddaap.commit=${DAAP_COMMIT}" package

# ---- Stage 2: run it --------------------------------------------------------------------------
FROM eclipse-temurin:21.0.8_9-jre-noble

# A fixed non-root uid, so volume ownership is predictable. /app/data is where the embedded
# PostgreSQL keeps its files when DATABASE_URL is unset; mount a volume there to keep them.
RUN groupadd --gid 10001 daap \
 && useradd --uid 10001 --gid daap --home-dir /app --no-create-home --shell /usr/sbin/nologin daap \
 && mkdir -p /app/data \
 && chown daap:daap /app/data

# Owned by root: the application can read its jar but not change it.
COPY --from=build /src/bootstrap/target/daap.jar /app/daap.jar
COPY --from=build /src/jvm.options /app/jvm.options

USER daap
WORKDIR /app
ENV DAAP_DATA_DIR=/app/data
# 8080: the API (PORT); 8081: the management port (DAAP_MANAGEMENT_PORT), health and metrics for operators.
EXPOSE 8080 8081
# The base image's entrypoint comes first and execs the rest: it adds the certificates mounted at
# /certificates to Java's trust store when USE_SYSTEM_CA_CERTS is set (a private CA for sslmode=verify-full, say).
# jvm.options: the fixed heap and collector DAAP is measured with (under 512 MB resident under load); mount a file
# of your own at /app/jvm.options to change them (options in JAVA_TOOL_OPTIONS come first, so they lose). The
# class-data-sharing archive lives in the writable data folder: made on the first start, reused after.
ENTRYPOINT ["/__cacert_entrypoint.sh", "java", "@/app/jvm.options", "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=/app/data/daap.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", "/app/daap.jar"]
CMD ["serve"]
