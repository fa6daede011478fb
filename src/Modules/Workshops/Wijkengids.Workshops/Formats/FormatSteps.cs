using System.Text.RegularExpressions;
using JasperFx.Events;
using Wijkengids.Community.Contracts;

namespace Wijkengids.Workshops.Formats;

/// <summary>
/// What defining and changing a format share: checking what the organiser wrote against the guide and the directory
/// (only published lessons, known themes, trainers with the trainer role), loading the format's stream for a change,
/// and showing a format with its trainers' names.
/// </summary>
internal sealed class FormatSteps(IDocumentSession session, IRequestContext context, ICommunityDirectory directory, GuideReferences guide)
{
    public const string NotFound = "Dit werkatelier bestaat niet.";

    /// <summary>The organiser's input, trimmed and checked; a lesson, theme or trainer the site does not know is a 422.</summary>
    public async Task<FormatContent> ContentAsync(IFormatInput input, CancellationToken cancellationToken)
    {
        var trainers = (input.Trainers ?? []).Distinct().ToList();
        if (trainers.Count > 0)
        {
            var known = (await directory.TrainersAsync(cancellationToken)).Select(t => t.Id).ToHashSet();
            if (trainers.Any(id => !known.Contains(id))) throw new RuleViolationException("Kies trainers uit de lijst van trainers van de werkateliers.");
        }
        var lessons = (input.Lessons ?? []).Select(l => l.Trim()).Distinct().ToList();
        await guide.EnsurePublishedAsync(lessons, cancellationToken);
        var themes = (input.Themes ?? []).Select(t => t.Trim().ToLowerInvariant()).Distinct().ToList();
        await guide.EnsureThemesAsync(themes, cancellationToken);
        return new FormatContent(input.Title.Trim(), input.Description.Trim(), input.DurationMinutes, input.ParticipantsPerSession, input.Price,
            themes, lessons, trainers);
    }

    public Task<IEventStream<FormatState>> FetchAsync(Guid id, long? expectedVersion, string? reason, CancellationToken cancellationToken)
    {
        session.Stamp(context, reason);
        return session.FetchForChangeAsync<FormatState>(id, expectedVersion, NotFound,
            "Dit werkatelier is intussen gewijzigd. Laad het opnieuw en probeer het nog eens.", cancellationToken);
    }

    /// <summary>A slug from the title that no other format has: "samen-aan-de-slag", else "samen-aan-de-slag-2", ...</summary>
    public async Task<string> FreeSlugAsync(string title, CancellationToken cancellationToken)
    {
        var baseSlug = Slug(title);
        var slug = baseSlug;
        for (var n = 2; await session.Query<WorkshopFormat>().AnyAsync(f => f.Slug == slug, cancellationToken); n++) slug = $"{baseSlug}-{n}";
        return slug;
    }

    internal static string Slug(string title)
    {
        var normalized = new string(title.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .ToArray()).ToLowerInvariant();
        var slug = Regex.Replace(normalized, "[^a-z0-9]+", "-").Trim('-');
        return slug.Length == 0 ? "werkatelier" : slug[..Math.Min(slug.Length, 80)].Trim('-');
    }

    /// <summary>Formats with their trainers' names as Community's directory lists them (an erased person is left out).</summary>
    public static async Task<IReadOnlyList<FormatDetails>> DetailsAsync(ICommunityDirectory directory, IReadOnlyList<WorkshopFormat> formats,
        CancellationToken cancellationToken)
    {
        if (formats.Count == 0) return [];
        var people = formats.Any(f => f.Trainers.Count > 0)
            ? (await directory.PeopleAsync(cancellationToken)).Concat(await directory.TrainersAsync(cancellationToken))
                .DistinctBy(p => p.Id).ToDictionary(p => p.Id)
            : [];
        return formats.Select(f => new FormatDetails(f.Id, f.Slug, f.Title, f.Description, f.DurationMinutes, f.ParticipantsPerSession, f.Price,
            f.Themes, f.Lessons,
            f.Trainers.Where(t => people.ContainsKey(t.PersonId))
                .Select(t => new FormatTrainer(t.PersonId, people[t.PersonId].Name, people[t.PersonId].Organisation)).ToList(),
            f.Version)).ToList();
    }
}

/// <summary>The fields an organiser fills in for a format, shared by defining and changing one.</summary>
public interface IFormatInput
{
    string Title { get; }
    string Description { get; }
    int DurationMinutes { get; }
    int ParticipantsPerSession { get; }
    decimal Price { get; }
    IReadOnlyList<string>? Themes { get; }
    IReadOnlyList<string>? Lessons { get; }
    IReadOnlyList<Guid>? Trainers { get; }
}

/// <summary>The rules of a format's fields, the same for defining and changing.</summary>
internal static class FormatRules
{
    public static void Apply<T>(AbstractValidator<T> validator) where T : IFormatInput
    {
        validator.RuleFor(x => x.Title).NotEmpty().WithMessage("Geef het werkatelier een titel.").MaximumLength(150).WithMessage("De titel mag hoogstens 150 tekens hebben.");
        validator.RuleFor(x => x.Description).NotEmpty().WithMessage("Beschrijf het werkatelier.").MaximumLength(5000).WithMessage("De beschrijving mag hoogstens 5000 tekens hebben.");
        validator.RuleFor(x => x.DurationMinutes).InclusiveBetween(30, 60 * 24).WithMessage("De duur ligt tussen 30 minuten en 24 uur.");
        validator.RuleFor(x => x.ParticipantsPerSession).InclusiveBetween(1, 500).WithMessage("Het aantal deelnemers per sessie ligt tussen 1 en 500.");
        validator.RuleFor(x => x.Price).InclusiveBetween(0, 1_000_000).WithMessage("De prijs ligt tussen € 0 en € 1.000.000.");
        validator.RuleForEach(x => x.Themes).NotEmpty().MaximumLength(60).WithMessage("Een thema heeft 1 tot 60 tekens.");
        validator.RuleForEach(x => x.Lessons).Matches(GuideReferences.Pattern).WithMessage(GuideReferences.Hint);
    }
}
