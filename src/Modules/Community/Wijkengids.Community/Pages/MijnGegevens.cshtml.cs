using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Community.Privacy;

namespace Wijkengids.Community.Pages;

public sealed class MijnGegevensModel(IMediator mediator) : FormPageModel
{
    public PersonalDataExport Export { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken) =>
        Export = await mediator.Send(new ExportPersonalData(SignedInAccount.IdOf(User)), cancellationToken);

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var json = JsonSerializer.SerializeToUtf8Bytes(Export, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        return File(json, "application/json", "mijn-gegevens-wijkengids.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(bool confirm, string? password, CancellationToken cancellationToken)
    {
        if (!confirm)
        {
            AddError("Vink aan dat u begrijpt dat wissen definitief is.", "confirm");
            Response.StatusCode = 400;
            await LoadAsync(cancellationToken);
            return Page();
        }
        var erased = false;
        var result = await AttemptAsync(async () =>
        {
            await mediator.Send(new ErasePersonalData(SignedInAccount.IdOf(User), null, password), cancellationToken);
            erased = true;
            return (null, "/mijn-gegevens/gewist");
        }, () => LoadAsync(cancellationToken));
        if (erased) await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return result;
    }
}
