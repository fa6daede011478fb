using System.Net;
using System.Text;

namespace Wijkengids.Content.Home;

/// <summary>The guide's introduction ("De wijkengids?"), from the seed text shipped inside this module.</summary>
internal static class Introduction
{
    private static readonly Lazy<(string Title, string Html)> Text = new(Load);

    public static string Title => Text.Value.Title;

    /// <summary>The introduction as HTML: every paragraph encoded, headings as h2.</summary>
    public static string Html => Text.Value.Html;

    private static (string, string) Load()
    {
        using var stream = typeof(Introduction).Assembly.GetManifestResourceStream("Seed/introductie.md")
                           ?? throw new InvalidOperationException("Seedtekst introductie.md ontbreekt.");
        using var reader = new StreamReader(stream);
        var blocks = reader.ReadToEnd().Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var title = blocks[0].TrimStart('#', ' ');
        var html = new StringBuilder();
        foreach (var block in blocks.Skip(1))
        {
            html.Append(block.StartsWith("## ", StringComparison.Ordinal)
                ? $"<h2>{WebUtility.HtmlEncode(block[3..])}</h2>\n"
                : $"<p>{WebUtility.HtmlEncode(block)}</p>\n");
        }
        return (title, html.ToString());
    }
}
