namespace Wijkengids.Content.Items;

/// <summary>Restores an older revision's text as a new revision (nothing is undone or lost), with a reason.</summary>
/// <summary>Answers the number of the new revision.</summary>
public sealed record RevertItem(Guid Id, int Revision, long? ExpectedVersion, string? Reason) : ICommand<int>, IAnswersLostRace<int>
{
    public int LostRace() => throw ItemStreams.Stale(Id, null);
}

internal sealed class RevertItemValidator : AbstractValidator<RevertItem>
{
    public RevertItemValidator()
    {
        RuleFor(x => x.Revision).GreaterThan(0).WithMessage("Kies de revisie die u wilt terugzetten.");
        RuleFor(x => x.ExpectedVersion).NotNull().WithMessage(ItemSteps.ExpectedVersionMessage);
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Geef een reden voor het terugzetten.")
            .MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class RevertItemHandler(ItemStreams streams) : IRequestHandler<RevertItem, int>
{
    public async Task<int> Handle(RevertItem request, CancellationToken cancellationToken)
    {
        var stream = await streams.FetchAsync(request.Id, request.ExpectedVersion, request.Reason, cancellationToken);
        var item = stream.Aggregate!;
        var older = await streams.Session.LoadAsync<RevisionView>(RevisionView.IdOf(item.Id, request.Revision), cancellationToken)
                    ?? throw new NotFoundException($"Revisie {request.Revision} bestaat niet.");
        var restored = item.Restore(request.Revision, older.Text);
        stream.AppendOne(restored);
        return restored.Revision;
    }

    internal sealed record Body(int Revision, long? ExpectedVersion, string? Reason);

    internal static void MapEndpoint(RouteGroupBuilder items) =>
        items.MapPost("/{id:guid}/revert", (Guid id, Body body, IMediator mediator, CancellationToken ct) =>
                ItemStreams.ChangeAsync(mediator, id, new RevertItem(id, body.Revision, body.ExpectedVersion, body.Reason), ct))
            .WithName("RevertContentItem")
            .WithSummary("Oudere revisie terugzetten als nieuwe revisie, met reden (redactie)");
}
