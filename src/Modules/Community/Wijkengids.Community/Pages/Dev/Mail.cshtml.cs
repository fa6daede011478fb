using System.Net;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Hosting;
using Wijkengids.Community.Mail;

namespace Wijkengids.Community.Pages.Dev;

/// <summary>
/// The development mailbox: exists only in Development and only for requests from this machine (404 otherwise,
/// also for a remote client seen through a proxy's forwarded address); docs/adr/0079.
/// </summary>
public sealed class MailModel(IQuerySession session, IWebHostEnvironment environment) : PageModel
{
    public IReadOnlyList<DevMail> Mails { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || !FromThisMachine(HttpContext.Connection.RemoteIpAddress)) return NotFound();
        Mails = await session.Query<DevMail>().OrderByDescending(m => m.SentAt).Take(100).ToListAsync(cancellationToken);
        return Page();
    }

    private static bool FromThisMachine(IPAddress? client) =>
        client is not null && IPAddress.IsLoopback(client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client);

    /// <summary>The text body as HTML: encoded, with its links clickable.</summary>
    public static string Body(string text)
    {
        var html = MailMessages.Html(text);
        var start = html.IndexOf("<body>", StringComparison.Ordinal) + "<body>".Length;
        return html[start..html.LastIndexOf("</body>", StringComparison.Ordinal)];
    }
}
