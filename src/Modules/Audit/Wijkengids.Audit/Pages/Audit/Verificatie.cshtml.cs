using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Audit.Integrity;
using Wijkengids.SharedKernel;
using Wijkengids.Platform.Web;

namespace Wijkengids.Audit.Pages.Audit;

public sealed class VerificatieModel(IMediator mediator) : FormPageModel
{
    [BindProperty(SupportsGet = true, Name = "van")] public long? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "tot")] public long? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "controleer")] public string? Run { get; set; }

    public ChainVerification? Result { get; private set; }
    public override string ErrorTitle => "De controle kon niet starten";

    protected override string? FieldOf(string property) => property switch
    {
        "From" => "van",
        "To" => "tot",
        _ => null,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            AddError("Vul bij de posities alleen hele getallen in.");
            Response.StatusCode = 400;
            return;
        }
        if (Run is null) return;
        try
        {
            Result = await mediator.Send(new VerifyChain(From, To), cancellationToken);
        }
        catch (ValidationException e)
        {
            AddErrors(e);
            Response.StatusCode = 400;
        }
    }
}
