using System.Text;

// Baseline for bench/run.sh: plain Kestrel answering GET / with a fixed HTML body of
// exactly --size bytes (default 6000), so the Wijkengids pages can be compared with
// "the same bytes, without any application work". Bind with --urls.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();

var size = builder.Configuration.GetValue("size", 6000);
if (size < 0) throw new ArgumentOutOfRangeException(nameof(args), size, "--size must be 0 or more.");
var body = HtmlFiller.Create(size);

var app = builder.Build();
app.MapGet("/", (HttpContext http) =>
{
    http.Response.ContentType = "text/html; charset=utf-8";
    http.Response.ContentLength = body.Length;
    return http.Response.Body.WriteAsync(body).AsTask();
});
app.Run();

internal static class HtmlFiller
{
    private const string Head = "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>BareKestrel</title></head><body>\n";
    private const string Tail = "</body></html>\n";
    private const string Paragraph = "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p>\n";

    /// <summary>An HTML document of exactly <paramref name="size"/> bytes (ASCII only, so bytes = characters).</summary>
    public static byte[] Create(int size)
    {
        if (size < Head.Length + Tail.Length) return Encoding.ASCII.GetBytes(new string(' ', size));
        var text = new StringBuilder(size).Append(Head);
        var room = size - Head.Length - Tail.Length;
        while (room >= Paragraph.Length)
        {
            text.Append(Paragraph);
            room -= Paragraph.Length;
        }
        text.Append(' ', room).Append(Tail);
        var bytes = Encoding.ASCII.GetBytes(text.ToString());
        return bytes.Length == size ? bytes : throw new InvalidOperationException($"Filler is {bytes.Length} bytes, wanted {size}.");
    }
}
