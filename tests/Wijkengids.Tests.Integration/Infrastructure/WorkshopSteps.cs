using System.Text.Json;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Community.Contracts;

namespace Wijkengids.Tests.Integration.Infrastructure;

/// <summary>Steps shared by the Workshops tests: the directory, a format, a session, a request.</summary>
public static class WorkshopSteps
{
    public static async Task<(IReadOnlyList<DirectoryPerson> Trainers, IReadOnlyList<DirectoryArea> Areas)> WorkshopDirectoryAsync(this IAlbaHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<ICommunityDirectory>();
        return (await directory.TrainersAsync(), await directory.AreasAsync());
    }

    public static async Task<JsonElement> DefineFormatAsync(this IAlbaHost host, string organiser, string title, int participants = 20)
    {
        var (trainers, _) = await host.WorkshopDirectoryAsync();
        return (await host.Scenario(s =>
        {
            s.Post.Json(new
            {
                title, description = "Een werkatelier wijkaanpak met als uitkomst een plan van aanpak.", durationMinutes = 240,
                participantsPerSession = participants, price = 1500m, themes = new[] { "participatie" }, lessons = new[] { "1.4" },
                trainers = trainers.Take(2).Select(t => t.Id).ToArray(),
            }).ToUrl("/api/workshops/formats"); s.As(organiser);
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
    }

    public static async Task<JsonElement> ScheduleAsync(this IAlbaHost host, string organiser, string slug, string startsAt, int? capacity = null) =>
        (await host.Scenario(s =>
        {
            s.Post.Json(new { formatSlug = slug, startsAt, place = "Wijkcentrum Nieuwland, Schiedam", capacity }).ToUrl("/api/workshops/sessions");
            s.As(organiser);
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();

    public static object Request(string slug, Guid? sessionId, Guid areaId, string email, int participants = 1) => new
    {
        formatSlug = slug, sessionId, areaId, organisation = "Gemeente Schiedam", contactName = "Carla Contact", contactEmail = email,
        participants, preferredDates = sessionId is null ? "maart of april 2027" : null, goals = "Een plan van aanpak voor Nieuwland.",
        coFinancing = false,
    };

    /// <summary>A request for a place on a session with co-financing asked for.</summary>
    public static object RequestWithCoFinancing(string slug, Guid sessionId, Guid areaId, string email, decimal amount) => new
    {
        formatSlug = slug, sessionId, areaId, organisation = "Gemeente Schiedam", contactName = "Carla Contact", contactEmail = email,
        participants = 1, goals = "Een plan van aanpak voor Nieuwland.", coFinancing = true, coFinancingAmount = amount,
        coFinancingMotivation = "De wijk heeft geen eigen budget voor begeleiding.",
    };
}
