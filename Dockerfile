# Wijkengids host image, for people who have Docker (see docker-compose.yml and README.md).
# Publish first, self-contained, so the image needs no .NET base image:
#   dotnet publish src/Host -c Release -r linux-x64 --self-contained -o publish
FROM debian:12-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libicu72 ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY publish/ ./
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_CONTENTROOT=/app
EXPOSE 8080
USER nobody
ENTRYPOINT ["/app/Wijkengids.Host"]
