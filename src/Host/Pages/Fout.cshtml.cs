using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wijkengids.Host.Pages;

[IgnoreAntiforgeryToken]
public sealed class FoutModel : PageModel
{
    public int Status { get; private set; }

    public void OnGet(int? status) => Status = status ?? Response.StatusCode;

    public void OnPost(int? status) => Status = status ?? Response.StatusCode;
}
