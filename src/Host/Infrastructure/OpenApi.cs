using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Wijkengids.Platform;
using Wijkengids.SharedKernel;

namespace Wijkengids.Host.Infrastructure;

internal sealed class OpenApiDocumentDescription : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Wijkengids API",
            Version = "v1",
            Description = "De Wijkengids: lessen uit de wijkenaanpak, gemaakt in co-creatie. Elke wijziging is een gebeurtenis " +
                          "met wie, wanneer en waarom. Fouten volgen RFC 9457 (application/problem+json).",
        };
        return Task.CompletedTask;
    }
}

/// <summary>
/// Documents the problem responses (RFC 9457) of every operation in one place, from what the endpoint is, so modules
/// declare none themselves: 400 for invalid input (a body or query parameters), 401 and 403 behind authorization, 404 for a
/// route that names something, 409 (changed meanwhile) and 422 (a rule refused it) for every change, 503 when the database
/// is unreachable, 429 where a rate limit applies, 500 always. An endpoint declares only what it cannot see (a
/// failed sign-in's 401).
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    private static readonly HashSet<string> Changes = new(StringComparer.OrdinalIgnoreCase) { "POST", "PUT", "PATCH", "DELETE" };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= new OpenApiResponses();
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var needsAuth = metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any();
        var input = description.ParameterDescriptions.Any(p => p.Source.Id is "Body" or "Query" or "Form");
        var names = description.ParameterDescriptions.Any(p => p.Source.Id == "Path");
        var changes = description.HttpMethod is { } method && Changes.Contains(method);
        if (input) Add(operation, "400", "Ongeldige invoer (met veldfouten)");
        if (needsAuth)
        {
            Add(operation, "401", "Niet ingelogd");
            Add(operation, "403", "Geen toegang");
        }
        if (names) Add(operation, "404", "Niet gevonden");
        if (metadata.OfType<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>().Any())
        {
            Add(operation, "429", "Te veel verzoeken kort na elkaar (met Retry-After)");
        }
        if (changes)
        {
            Add(operation, "409", "Intussen door iemand anders gewijzigd, of bestaat al");
            Add(operation, "422", "Niet toegestaan volgens de regels (met de reden)");
        }
        Add(operation, "500", "Onverwachte fout");
        Add(operation, "503", "Tijdelijk niet beschikbaar (met Retry-After)");
        return Task.CompletedTask;
    }

    /// <summary>Every error is a problem (RFC 9457), also where an endpoint declared the status without its content.</summary>
    private static void Add(OpenApiOperation operation, string status, string description)
    {
        var problem = new OpenApiMediaType { Schema = new OpenApiSchemaReference("ProblemDetails") };
        if (operation.Responses!.TryGetValue(status, out var declared) && declared is OpenApiResponse response)
        {
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            response.Content.TryAdd("application/problem+json", problem);
            if (string.IsNullOrEmpty(response.Description)) response.Description = description;
            return;
        }
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = problem },
        };
    }
}

/// <summary>
/// A query parameter that takes a status (<see cref="StatusQueryParameter"/> on the endpoint) is a string in the binding,
/// so the API can answer an unknown value with a Dutch 400; the document lists its stable strings as the allowed values
/// (docs/adr/0096). Bodies and responses get theirs from the enums' converter.
/// </summary>
internal sealed class StatusQueryTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var status in context.Description.ActionDescriptor.EndpointMetadata.OfType<StatusQueryParameter>())
        {
            var parameter = operation.Parameters?.OfType<OpenApiParameter>()
                .FirstOrDefault(p => p.In == ParameterLocation.Query && string.Equals(p.Name, status.Name, StringComparison.OrdinalIgnoreCase));
            if (parameter is null) continue;
            var values = StableEnums.WireValues(status.EnumType).Concat(status.Extra).ToList();
            parameter.Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = values.Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v)!).ToList(),
            };
            parameter.Description ??= $"Eén van: {string.Join(", ", values)}.";
        }
        return Task.CompletedTask;
    }
}
