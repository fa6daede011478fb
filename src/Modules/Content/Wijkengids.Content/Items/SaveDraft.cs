namespace Wijkengids.Content.Items;

/// <summary>An editor saves a draft: a new revision with the full text, based on the version they loaded. Answers the revision number.</summary>
public sealed record SaveDraft(Guid Id, long? ExpectedVersion, ItemText Text, string? Reason = null) : ICommand<int>, IAnswersLostRace<int>
{
    public int LostRace() => throw ItemStreams.Stale(Id, null);
}

internal sealed class SaveDraftValidator : AbstractValidator<SaveDraft>
{
    public SaveDraftValidator()
    {
        RuleFor(x => x.ExpectedVersion).NotNull().WithMessage(ItemSteps.ExpectedVersionMessage);
        RuleFor(x => x.Text).NotNull().WithMessage("Geef de tekst op.");
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class SaveDraftHandler(ItemStreams streams) : IRequestHandler<SaveDraft, int>
{
    public async Task<int> Handle(SaveDraft request, CancellationToken cancellationToken)
    {
        var stream = await streams.FetchAsync(request.Id, request.ExpectedVersion, request.Reason, cancellationToken);
        var item = stream.Aggregate!;
        var text = request.Text.Normalized();
        ItemRules.EnsureValid(item.Kind, text);
        text = await ItemRules.EnsureReferencesAsync(streams.Session, item.Id, item.Kind, text, cancellationToken);
        var saved = item.SaveDraft(text);
        stream.AppendOne(saved);
        return saved.Revision;
    }

    internal sealed record Body(long? ExpectedVersion, ItemText? Text, string? Reason);

    internal static void MapEndpoint(RouteGroupBuilder items) =>
        items.MapPut("/{id:guid}/draft", (Guid id, Body body, IMediator mediator, CancellationToken ct) =>
                ItemStreams.ChangeAsync(mediator, id, new SaveDraft(id, body.ExpectedVersion, body.Text!, body.Reason), ct))
            .WithName("SaveContentDraft")
            .WithSummary("Concept opslaan als nieuwe revisie (volledige tekst; expectedVersion verplicht) (redactie)");
}
