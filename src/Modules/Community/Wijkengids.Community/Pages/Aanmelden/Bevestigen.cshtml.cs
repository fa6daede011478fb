using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Community.Subscriptions;

namespace Wijkengids.Community.Pages.Aanmelden;

public sealed class BevestigenModel(IMediator mediator) : FormPageModel
{
    /// <summary>No field to point at (a link, a button): the reasons go in the summary only.</summary>
    protected override string? FieldOf(string property) => null;

    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public bool Valid { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken) =>
        Valid = Errors.Count == 0 && await mediator.Send(new CheckConfirmation(Token ?? ""), cancellationToken);

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        Complete(async () =>
        {
            var state = await mediator.Send(new ConfirmSubscription(Token ?? ""), cancellationToken);
            var choices = state.Choices;
            var when = choices.Frequency == SubscriptionFrequency.Weekly
                ? "U ontvangt elke maandagochtend een overzicht van de week ervoor, alleen als er iets voor u bij is."
                : "U ontvangt voortaan bericht van elke update die bij uw keuzes past.";
            return $"Uw aanmelding is bevestigd ({choices.Describe()}). {when}";
        }, cancellationToken);
}
