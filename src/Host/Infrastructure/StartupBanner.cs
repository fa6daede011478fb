using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Wijkengids.Community.Contracts;

namespace Wijkengids.Host.Infrastructure;

internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = new List<string> { "", "Wijkengids draait op:" };
        lines.AddRange(addresses.Select(a => "  " + a.Replace("0.0.0.0", "localhost").Replace("[::]", "localhost")));
        lines.Add("  API-naslag: /scalar   OpenAPI: /openapi/v1.json");
        if (app.Environment.IsDevelopment())
        {
            lines.Add("");
            lines.Add($"Ontwikkelaccounts (alleen in Development), wachtwoord {DevAccounts.Password}:");
            lines.AddRange(DevAccounts.All.Select(a => $"  {a.Email,-34} {a.Role}"));
        }
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
