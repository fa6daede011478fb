using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wijkengids.Host.Pages;

[IgnoreAntiforgeryToken]
public sealed class FoutModel : PageModel
{
    public int Status { get; private set; }

    /// <summary>What went wrong: the sentence of the refusal when there is one (e.g. a forbidden character), else the status's.</summary>
    public string Detail => HttpContext.Items[Infrastructure.InputTextGuard.DetailItem] as string ?? Infrastructure.WebPlatform.DutchDetail(Status);

    public void OnGet(int? status) => Status = status ?? Response.StatusCode;

    public void OnPost(int? status) => Status = status ?? Response.StatusCode;
}
