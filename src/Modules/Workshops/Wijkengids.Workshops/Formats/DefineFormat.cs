namespace Wijkengids.Workshops.Formats;

/// <summary>An organiser defines a new format; its slug comes from the title. Answers with the slug.</summary>
public sealed record DefineFormat(string Title, string Description, int DurationMinutes, int ParticipantsPerSession, decimal Price,
    IReadOnlyList<string>? Themes, IReadOnlyList<string>? Lessons, IReadOnlyList<Guid>? Trainers, string? Reason) : ICommand<string>, IFormatInput;

internal sealed class DefineFormatValidator : AbstractValidator<DefineFormat>
{
    public DefineFormatValidator() => FormatRules.Apply(this);
}

internal sealed class DefineFormatHandler(IDocumentSession session, IRequestContext context, FormatSteps steps) : IRequestHandler<DefineFormat, string>
{
    public async Task<string> Handle(DefineFormat request, CancellationToken cancellationToken)
    {
        var content = await steps.ContentAsync(request, cancellationToken);
        var id = Guid.NewGuid();
        var slug = await steps.FreeSlugAsync(content.Title, cancellationToken);
        session.Stamp(context, request.Reason);
        session.Events.StartStream<FormatState>(id, FormatState.Define(id, slug, content));
        return slug;
    }

    internal static void MapEndpoint(RouteGroupBuilder organisers) =>
        organisers.MapPost("/formats", async (DefineFormat command, IMediator mediator, CancellationToken ct) =>
            {
                var slug = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/workshops/formats/{slug}", await mediator.Send(new GetFormat(slug), ct));
            })
            .WithName("DefineWorkshopFormat").WithSummary("Werkatelier vastleggen (organisator)");
}
