using Wijkengids.Content.Items;

namespace Wijkengids.Content.Themes;

/// <summary>An editor renames a theme or changes its description.</summary>
public sealed record ChangeTheme(Guid Id, long? ExpectedVersion, string Name, string? Description, string? Reason = null)
    : ICommand<Unit>, IAnswersLostRace<Unit>
{
    public Unit LostRace() => throw new ConflictException(ThemeStreams.Changed);
}

internal sealed class ChangeThemeValidator : AbstractValidator<ChangeTheme>
{
    public ChangeThemeValidator()
    {
        RuleFor(x => x.ExpectedVersion).NotNull().WithMessage(ItemSteps.ExpectedVersionMessage);
        RuleFor(x => x.Name).NotEmpty().WithMessage("Vul de naam van het thema in.").MaximumLength(80).WithMessage("De naam mag hoogstens 80 tekens hebben.");
        RuleFor(x => x.Description).MaximumLength(1000).WithMessage("De beschrijving mag hoogstens 1000 tekens hebben.");
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class ChangeThemeHandler(IDocumentSession session, IRequestContext context) : IRequestHandler<ChangeTheme, Unit>
{
    public async Task<Unit> Handle(ChangeTheme request, CancellationToken cancellationToken)
    {
        session.Stamp(context, request.Reason);
        var stream = await ThemeStreams.FetchAsync(session, request.Id, request.ExpectedVersion, cancellationToken);
        stream.AppendOne(new ThemeChanged(request.Id, request.Name.Trim(), ThemeStreams.Blank(request.Description)));
        return Unit.Value;
    }

    internal sealed record Body(long? ExpectedVersion, string? Name, string? Description, string? Reason);

    internal static void MapEndpoint(RouteGroupBuilder themes) =>
        themes.MapPut("/{id:guid}", async (Guid id, Body body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ChangeTheme(id, body.ExpectedVersion, body.Name ?? "", body.Description, body.Reason), ct);
                return TypedResults.Ok(await mediator.Send(new GetTheme(id), ct));
            })
            .WithName("ChangeTheme").WithSummary("Thema hernoemen of beschrijven (redactie)");
}
