namespace Wijkengids.Workshops.Formats;

/// <summary>An organiser changes a format, with the version they saw; the slug stays. Answers with the slug.</summary>
public sealed record ChangeFormat(Guid FormatId, string Title, string Description, int DurationMinutes, int ParticipantsPerSession, decimal Price,
    IReadOnlyList<string>? Themes, IReadOnlyList<string>? Lessons, IReadOnlyList<Guid>? Trainers, long? ExpectedVersion, string? Reason)
    : ICommand<string>, IFormatInput;

internal sealed class ChangeFormatValidator : AbstractValidator<ChangeFormat>
{
    public ChangeFormatValidator() => FormatRules.Apply(this);
}

internal sealed class ChangeFormatHandler(FormatSteps steps) : IRequestHandler<ChangeFormat, string>
{
    public async Task<string> Handle(ChangeFormat request, CancellationToken cancellationToken)
    {
        var content = await steps.ContentAsync(request, cancellationToken);
        var stream = await steps.FetchAsync(request.FormatId, request.ExpectedVersion, request.Reason, cancellationToken);
        if (stream.Aggregate!.Change(content) is { } changed) stream.AppendOne(changed);
        return stream.Aggregate.Slug;
    }

    internal static void MapEndpoint(RouteGroupBuilder organisers) =>
        organisers.MapPut("/formats/{id:guid}", async (Guid id, FormatBody body, IMediator mediator, CancellationToken ct) =>
            {
                var slug = await mediator.Send(new ChangeFormat(id, body.Title ?? "", body.Description ?? "", body.DurationMinutes,
                    body.ParticipantsPerSession, body.Price, body.Themes, body.Lessons, body.Trainers, body.ExpectedVersion, body.Reason), ct);
                return TypedResults.Ok(await mediator.Send(new GetFormat(slug), ct));
            })
            .WithName("ChangeWorkshopFormat").WithSummary("Werkatelier wijzigen (organisator)");

    internal sealed record FormatBody(string? Title, string? Description, int DurationMinutes, int ParticipantsPerSession, decimal Price,
        IReadOnlyList<string>? Themes, IReadOnlyList<string>? Lessons, IReadOnlyList<Guid>? Trainers, long? ExpectedVersion, string? Reason);
}
