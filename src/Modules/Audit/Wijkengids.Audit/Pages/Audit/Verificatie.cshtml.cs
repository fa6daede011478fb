using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.Audit.Integrity;
using Wijkengids.SharedKernel;

namespace Wijkengids.Audit.Pages.Audit;

public sealed class VerificatieModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "van")] public long? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "tot")] public long? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "controleer")] public string? Run { get; set; }

    public ChainVerification? Result { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Errors.Add("Vul bij de posities alleen hele getallen in.");
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
            Errors.AddRange(e.Errors.Select(x => x.ErrorMessage).Distinct());
            Response.StatusCode = 400;
        }
    }
}
