namespace Wijkengids.Content.Items;

/// <summary>An editor creates an item: its stream starts with the first draft revision.</summary>
/// <summary>Answers the new item's id.</summary>
public sealed record CreateItem(string Kind, ItemText Text, string? Reason = null) : ICommand<Guid>, IAnswersLostRace<Guid>
{
    /// <summary>Another editor took the same slug at the same moment.</summary>
    public Guid LostRace() => throw new ConflictException("Op hetzelfde moment is een onderdeel met dezelfde naam aangemaakt. Uw concept is niet opgeslagen; probeer het opnieuw.");
}

internal sealed class CreateItemValidator : AbstractValidator<CreateItem>
{
    public CreateItemValidator()
    {
        RuleFor(x => x.Kind).Must(k => ItemKinds.All.Contains(k))
            .WithMessage($"Kies een soort: {string.Join(", ", ItemKinds.All)}.");
        RuleFor(x => x.Text).NotNull().WithMessage("Geef de tekst op.");
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class CreateItemHandler(ItemStreams streams) : IRequestHandler<CreateItem, Guid>
{
    public async Task<Guid> Handle(CreateItem request, CancellationToken cancellationToken)
    {
        var text = request.Text.Normalized();
        ItemRules.EnsureValid(request.Kind, text);
        var id = Guid.NewGuid();
        text = await ItemRules.EnsureReferencesAsync(streams.Session, id, request.Kind, text, cancellationToken);
        var slug = await FreeSlugAsync(streams.Session, request.Kind, text, cancellationToken);

        streams.Session.Stamp(streams.Context, request.Reason);
        streams.Session.Events.StartStream<ItemState>(id, new ItemCreated(id, request.Kind, slug), new DraftSaved(id, 1, text));
        return id;
    }

    /// <summary>A slug from the title (sections and chapters: from the number), made unique within the kind.</summary>
    internal static async Task<string> FreeSlugAsync(IQuerySession session, string kind, ItemText text, CancellationToken cancellationToken)
    {
        var wanted = kind is ItemKinds.Chapter or ItemKinds.Section && text.Number is { } number
            ? Slugs.From($"{ItemKinds.DutchName(kind)} {number}")
            : Slugs.From(text.Title);
        var taken = await session.Query<ItemState>().Where(i => i.Kind == kind && i.Slug.StartsWith(wanted))
            .Select(i => i.Slug).ToListAsync(cancellationToken);
        var slug = wanted;
        for (var n = 2; taken.Contains(slug); n++) slug = $"{wanted}-{n}";
        return slug;
    }

    internal static void MapEndpoint(RouteGroupBuilder items) =>
        items.MapPost("/", async (CreateItem command, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/content/items/{id}", await mediator.Send(new GetItem(id), ct));
            })
            .WithName("CreateContentItem")
            .WithSummary("Item aanmaken als concept: hoofdstuk, paragraaf, les, nieuwsbericht of pagina (redactie)");
}
