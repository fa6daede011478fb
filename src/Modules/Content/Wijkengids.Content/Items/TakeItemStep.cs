using Wijkengids.Content.Publishing;

namespace Wijkengids.Content.Items;

/// <summary>
/// A step in an item's workflow: submit for review, approve or request changes (four-eyes: not by the last
/// author), publish, unpublish, archive. Each is one event with actor, reason and correlation.
/// </summary>
public sealed record TakeItemStep(Guid Id, string Step, long? ExpectedVersion, string? Reason = null, string? Comment = null)
    : ICommand<Unit>, IAnswersLostRace<Unit>
{
    public Unit LostRace() => throw ItemStreams.Stale(Id, null);
}

internal sealed class TakeItemStepValidator : AbstractValidator<TakeItemStep>
{
    public TakeItemStepValidator()
    {
        RuleFor(x => x.Step).Must(s => ItemSteps.All.Contains(s)).WithMessage("Onbekende stap.");
        RuleFor(x => x.ExpectedVersion).NotNull().WithMessage(ItemSteps.ExpectedVersionMessage);
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
        RuleFor(x => x.Reason).NotEmpty().When(x => x.Step is ItemSteps.Unpublish or ItemSteps.Archive)
            .WithMessage("Geef een reden voor het offline halen of archiveren.");
        RuleFor(x => x.Comment).NotEmpty().When(x => x.Step == ItemSteps.RequestChanges)
            .WithMessage("Schrijf wat er moet veranderen.");
        RuleFor(x => x.Comment).MaximumLength(2000).WithMessage("De opmerking mag hoogstens 2000 tekens hebben.");
    }
}

internal sealed class TakeItemStepHandler(ItemStreams streams, LessonPublication publication, TimeProvider clock)
    : IRequestHandler<TakeItemStep, Unit>
{
    public async Task<Unit> Handle(TakeItemStep request, CancellationToken cancellationToken)
    {
        var stream = await streams.FetchAsync(request.Id, request.ExpectedVersion, request.Reason, cancellationToken);
        var item = stream.Aggregate!;
        var actor = streams.Context.Actor;
        object change = request.Step switch
        {
            ItemSteps.Submit => item.Submit(),
            ItemSteps.Approve => item.Approve(actor),
            ItemSteps.RequestChanges => item.RequestChanges(actor, request.Comment!),
            ItemSteps.Publish => item.Publish(clock.GetUtcNow()),
            ItemSteps.Unpublish => item.Unpublish(),
            ItemSteps.Archive => item.Archive(),
            _ => throw new RuleViolationException("Onbekende stap."),
        };
        stream.AppendOne(change);
        if (change is ItemPublished published) await publication.AnnounceAsync(published, cancellationToken);
        return Unit.Value;
    }

    internal sealed record Body(long? ExpectedVersion, string? Reason, string? Comment);

    internal static void MapEndpoints(RouteGroupBuilder items)
    {
        foreach (var step in ItemSteps.All)
        {
            items.MapPost($"/{{id:guid}}/{step}", (Guid id, Body body, IMediator mediator, CancellationToken ct) =>
                    ItemStreams.ChangeAsync(mediator, id, new TakeItemStep(id, step, body.ExpectedVersion, body.Reason, body.Comment), ct))
                .WithName("ContentItem" + string.Concat(step.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..])))
                .WithSummary($"{ItemSteps.DutchName(step)} (redactie)" +
                             (step is ItemSteps.Approve or ItemSteps.RequestChanges ? "; vier ogen: niet door wie de revisie schreef" : ""));
        }
    }
}
