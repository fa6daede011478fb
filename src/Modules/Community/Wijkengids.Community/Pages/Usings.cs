global using Wijkengids.Platform.Web;
