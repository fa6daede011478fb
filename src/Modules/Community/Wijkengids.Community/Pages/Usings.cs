global using Wijkengids.SharedKernel.Web;
