using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Wijkengids.Workshops.Formats;

/// <summary>Builds <see cref="WorkshopFormat"/> from a format's events, inline with every change.</summary>
internal sealed class WorkshopFormatProjection : SingleStreamProjection<WorkshopFormat, Guid>
{
    public override ValueTask<WorkshopFormat?> EvolveAsync(WorkshopFormat? view, Guid id, IQuerySession session, IEvent e,
        CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case FormatDefined defined:
                view ??= new WorkshopFormat { Id = defined.FormatId };
                view.Slug = defined.Slug;
                Take(view, FormatContent.Of(defined));
                break;
            case FormatChanged changed when view is not null:
                Take(view, FormatContent.Of(changed));
                break;
        }
        if (view is not null) view.Version = e.Version;
        return ValueTask.FromResult(view);
    }

    private static void Take(WorkshopFormat view, FormatContent content)
    {
        view.Title = content.Title;
        view.Description = content.Description;
        view.DurationMinutes = content.DurationMinutes;
        view.ParticipantsPerSession = content.ParticipantsPerSession;
        view.Price = content.Price;
        view.Themes = [.. content.Themes];
        view.Lessons = [.. content.Lessons];
        view.Trainers = content.Trainers.Select(t => new TrainerOfFormat(t)).ToList();
    }
}
