using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Community.Accounts;
using Wijkengids.Community.People;
using Wijkengids.Community.Privacy;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Pages.Beheer;

public sealed class WissenModel(IMediator mediator) : FormPageModel
{
    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];
    public IReadOnlyList<PersonSummary> People { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Accounts = await mediator.Send(new ListAccounts(), cancellationToken);
        People = await mediator.Send(new ListPeople(), cancellationToken);
    }

    public Task<IActionResult> OnPostAsync(Guid subjectId, string? reason, CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            var result = await mediator.Send(new ErasePersonalData(subjectId, string.IsNullOrWhiteSpace(reason) ? "" : reason), cancellationToken);
            return $"De gegevens van dit {result.Kind} zijn gewist.";
        }, cancellationToken);

    public Task<IActionResult> OnPostByEmailAsync(string? email, string? addressReason, CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            await mediator.Send(new ErasePersonalDataByEmail(email ?? "", addressReason ?? ""), cancellationToken);
            return "Alles onder dit e-mailadres is gewist.";
        }, cancellationToken);

    /// <summary>The address form names its reason field apart from the account form's.</summary>
    protected override string? FieldOf(string property) =>
        Request.Query["handler"] == "ByEmail" && property == nameof(ErasePersonalDataByEmail.Reason) ? "addressreason" : base.FieldOf(property);
}
