using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Community.Mail;
using Wijkengids.SharedKernel;
using Wijkengids.Platform.Web;

namespace Wijkengids.Community.Pages.Beheer;

public sealed class VerzendingModel(IMediator mediator) : FormPageModel
{
    /// <summary>No field to point at (a link, a button): the reasons go in the summary only.</summary>
    protected override string? FieldOf(string property) => null;

    public IReadOnlyList<MailingProgress> Mailings { get; private set; } = [];
    public IReadOnlyList<DeadLetter> DeadLetters { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Mailings = await mediator.Send(new ListMailings(), cancellationToken);
        DeadLetters = await mediator.Send(new ListDeadLetters(), cancellationToken);
    }

    public Task<IActionResult> OnPostReplayAsync(Guid id, CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            await mediator.Send(new ReplayDeadLetters([id]), cancellationToken);
            return "Het bericht is opnieuw aangeboden. Lukt het nu, dan verdwijnt het uit de lijst.";
        }, cancellationToken);

    public Task<IActionResult> OnPostReplayAllAsync(CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            var count = await mediator.Send(new ReplayDeadLetters([]), cancellationToken);
            return count == 1 ? "1 bericht is opnieuw aangeboden." : $"{count} berichten zijn opnieuw aangeboden.";
        }, cancellationToken);
}
