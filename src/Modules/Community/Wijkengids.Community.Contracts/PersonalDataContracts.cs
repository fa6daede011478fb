namespace Wijkengids.Community.Contracts;

/// <summary>
/// AVG right of access: every module that holds data about people implements this (and registers it in DI as
/// IPersonalDataSource); Community gathers all sections into the person's export at /mijn-gegevens.
/// </summary>
public interface IPersonalDataSource
{
    Task<PersonalDataSection> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default);
}

/// <summary>Whose data: the account id (also the actor id on events) and the account's e-mail address.</summary>
public sealed record PersonalDataSubject(Guid SubjectId, string Email);

/// <summary>What one module holds; <see cref="Items"/> are records of one <c>Kind</c> each, with their fields as text.</summary>
public sealed record PersonalDataSection(string Module, string Description, IReadOnlyList<PersonalDataItem> Items);

public sealed record PersonalDataItem(string Kind, IReadOnlyDictionary<string, string?> Fields);
