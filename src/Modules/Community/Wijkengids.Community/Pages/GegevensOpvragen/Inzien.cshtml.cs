using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Community.Privacy;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Pages.GegevensOpvragen;

/// <summary>The data under an address without an account, with the link from the mail: see, download, erase (docs/adr/0104).</summary>
public sealed class InzienModel(IMediator mediator) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public AddressDataExport? Export { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowOrExplainAsync(cancellationToken);

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var shown = await ShowOrExplainAsync(cancellationToken);
        if (Export is null) return shown;
        var json = JsonSerializer.SerializeToUtf8Bytes(Export, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        return File(json, "application/json", "mijn-gegevens-wijkengids.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(bool confirm, CancellationToken cancellationToken)
    {
        if (!confirm)
        {
            AddError("Vink aan dat u begrijpt dat wissen definitief is.", "confirm");
            await ShowOrExplainAsync(cancellationToken);
            Response.StatusCode = 400;
            return Page();
        }
        return await AttemptAsync(async () =>
        {
            await mediator.Send(new EraseAddressData(Token ?? ""), cancellationToken);
            return (null, "/gegevens-opvragen/gewist");
        }, () => LoadAsync(cancellationToken));
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Export = await mediator.Send(new ExportAddressData(Token ?? ""), cancellationToken);
        }
        catch (DomainProblemException) when (Errors.Count > 0)
        {
            // The reason is shown already (an erasure that failed on the same link).
        }
    }

    /// <summary>The data, or why the link does not work (expired, forged, an address with an account) in Dutch.</summary>
    private async Task<IActionResult> ShowOrExplainAsync(CancellationToken cancellationToken)
    {
        try
        {
            await LoadAsync(cancellationToken);
        }
        catch (DomainProblemException e)
        {
            AddError(e.Message);
            Response.StatusCode = e.StatusCode;
        }
        return Page();
    }
}
