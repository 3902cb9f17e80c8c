using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Cpro.Host.Persistence;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Cpro.Portfolio.Domain;
using JasperFx;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.IntegrationTests.Persistence;

/// <summary>Every document type of every module, found in the store's mapping (so a new one is covered without being
/// named here, and every mapping is built): a fully filled document comes back whole, and one establishment's documents
/// are invisible to another and untouched by its writes.</summary>
[Collection(CproCollection.Name)]
public sealed class DocumentsTests(CproFactory factory)
{
    public static TheoryData<string> Types => [.. Registre.Types.Select(t => t.DocumentType.FullName!)];

    [Theory]
    [MemberData(nameof(Types))]
    public void A_document_lives_in_its_modules_schema(string nom)
    {
        var type = Registre.Type(nom);
        var module = type.DocumentType.Assembly.GetName().Name!["Cpro.".Length..];

        Assert.Equal(module.ToLowerInvariant(), type.TableName.Schema);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task A_fully_filled_document_comes_back_whole(string nom)
    {
        var type = Registre.Type(nom);
        var (a, _) = await EtablissementsAsync();
        var tenant = type.TenancyStyle == TenancyStyle.Conjoined ? a : (Guid?)null;
        var document = Remplissage.Nouveau(type.DocumentType, UnitOfWork.Tenant(tenant));

        await EcrireAsync(tenant, document);
        var relu = await LireAsync(tenant, type, Remplissage.Id(document));

        Assert.NotNull(relu);
        Assert.Equal(Json(Revision(document, relu)), Json(relu));
    }

    /// <summary>The store leaves empty fields out: one read back must be empty again, not a default the class sets.</summary>
    [Theory]
    [MemberData(nameof(Types))]
    public async Task A_document_with_its_optional_fields_empty_comes_back_as_such(string nom)
    {
        var type = Registre.Type(nom);
        var (a, _) = await EtablissementsAsync();
        var tenant = type.TenancyStyle == TenancyStyle.Conjoined ? a : (Guid?)null;
        var document = Remplissage.Nouveau(type.DocumentType, UnitOfWork.Tenant(tenant), optionnelsVides: true);

        await EcrireAsync(tenant, document);
        var relu = await LireAsync(tenant, type, Remplissage.Id(document));

        Assert.Equal(Json(Revision(document, relu!)), Json(relu!));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task An_establishment_neither_reads_nor_writes_anothers_document(string nom)
    {
        var type = Registre.Type(nom);
        if (type.TenancyStyle != TenancyStyle.Conjoined)
        {
            // Platform-wide on purpose (establishments, the catalogue, logins' owners, keys): nothing to isolate.
            Assert.Contains(type.DocumentType.Name, Registre.Globaux);
            return;
        }
        var (a, b) = await EtablissementsAsync();
        var deA = Remplissage.Nouveau(type.DocumentType, UnitOfWork.Tenant(a));
        await EcrireAsync(a, deA);
        var id = Remplissage.Id(deA);

        Assert.Null(await LireAsync(b, type, id));
        Assert.Equal(0, await CompterAsync(b, type));
        var deB = Remplissage.Nouveau(type.DocumentType, UnitOfWork.Tenant(b));
        Remplissage.DonnerId(deB, id);
        await EcrireAsync(b, deB);

        var intact = await LireAsync(a, type, id);
        Assert.Equal(Json(Revision(deA, intact!)), Json(intact!));
        Assert.Equal(1, await CompterAsync(a, type));
    }

    [Fact]
    public async Task A_compiled_query_reads_its_establishments_documents_only()
    {
        var (a, b) = await EtablissementsAsync();
        var (periode, apprenant) = (Guid.NewGuid(), Guid.NewGuid());
        await EcrireAsync(a, new EntreeJournal { Id = Guid.NewGuid(), PeriodeId = periode, ApprenantId = apprenant, Texte = "Chez A" });
        await EcrireAsync(b, new EntreeJournal { Id = Guid.NewGuid(), PeriodeId = periode, ApprenantId = apprenant, Texte = "Chez B" });

        await using var session = factory.Documents(a);
        var lues = await session.QueryAsync(new DuSuivi<EntreeJournal> { PeriodeId = periode, ApprenantId = apprenant });

        Assert.Equal("Chez A", Assert.Single(lues).Texte);
    }

    private async Task<(Guid A, Guid B)> EtablissementsAsync() =>
        (await factory.EtablissementIdAsync(await factory.CreerEtablissementAsync()),
            await factory.EtablissementIdAsync(await factory.CreerEtablissementAsync()));

    private async Task EcrireAsync(Guid? etablissement, object document)
    {
        await using var session = factory.Documents(etablissement);
        session.StoreObjects([document]);
        await session.SaveChangesAsync();
    }

    private async Task<object?> LireAsync(Guid? etablissement, IDocumentType type, object id)
    {
        await using var session = factory.Documents(etablissement);
        var charger = typeof(IQuerySession).GetMethods()
            .Single(m => m.Name == nameof(IQuerySession.LoadAsync) && m.IsGenericMethod && m.GetParameters()[0].ParameterType == (id is Guid ? typeof(Guid) : typeof(string)))
            .MakeGenericMethod(type.DocumentType);
        var tache = (Task)charger.Invoke(session, [id, CancellationToken.None])!;
        await tache;
        return tache.GetType().GetProperty("Result")!.GetValue(tache);
    }

    private async Task<int> CompterAsync(Guid etablissement, IDocumentType type)
    {
        await using var session = factory.Documents(etablissement);
        var requete = (IQueryable)typeof(IQuerySession).GetMethods().Single(m => m.Name == nameof(IQuerySession.Query) && m.IsGenericMethod && m.GetParameters().Length == 0)
            .MakeGenericMethod(type.DocumentType).Invoke(session, null)!;
        var compter = typeof(QueryableExtensions).GetMethods()
            .Single(m => m.Name == nameof(QueryableExtensions.CountAsync) && m.GetParameters().Length == 2).MakeGenericMethod(type.DocumentType);
        return await (Task<int>)compter.Invoke(null, [requete, CancellationToken.None])!;
    }

    /// <summary>The store gives a versioned document its revision: the one it read is the one compared.</summary>
    private static object Revision(object original, object relu)
    {
        if (original is IRevisioned o && relu is IRevisioned r)
        {
            o.Version = r.Version;
        }
        return original;
    }

    private string Json(object document) => factory.Services.GetRequiredService<IDocumentStore>().Options.Serializer().ToJson(document);

    /// <summary>The store's own document types, read from its mapping once.</summary>
    private static class Registre
    {
        /// <summary>Platform-wide documents (no establishment owns them).</summary>
        public static readonly string[] Globaux = ["Etablissement", "AdministrateurPlateforme", "CleProtection", "Referentiel"];

        /// <summary>The store as the host composes it, built without a database: its mapping needs none.</summary>
        private static readonly Lazy<IReadOnlyList<IDocumentType>> Tous = new(() =>
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{ModulePersistence.ConnectionStringName}"] = "Host=127.0.0.1" })
                .Build();
            var services = new ServiceCollection();
            services.AddSingleton<ICurrentUser>(new ClaimsCurrentUser(null));
            services.AddCproStore(configuration);
            foreach (var module in Cpro.Host.Composition.CproModules.Catalogue().All)
            {
                module.AddServices(services, configuration);
            }
            using var provider = services.BuildServiceProvider();
            return [.. provider.GetRequiredService<IDocumentStore>().Options.AllKnownDocumentTypes()
                .Where(t => t.DocumentType.Assembly.GetName().Name!.StartsWith("Cpro.", StringComparison.Ordinal))
                .OrderBy(t => t.DocumentType.FullName, StringComparer.Ordinal)];
        });

        public static IReadOnlyList<IDocumentType> Types => Tous.Value;

        public static IDocumentType Type(string nom) => Types.Single(t => t.DocumentType.FullName == nom);
    }

    /// <summary>Builds a document with every property filled, private setters included: what a round trip drops shows.</summary>
    private static class Remplissage
    {
        private static int _compteur;

        private static readonly NullabilityInfoContext Nullabilite = new();

        /// <summary>Every property filled, or, with <paramref name="optionnelsVides"/>, those that may be null left null.</summary>
        public static object Nouveau(Type type, string tenant, bool optionnelsVides = false) => Remplir(type, tenant, 0, optionnelsVides)!;

        public static object Id(object document) => Identifiant(document.GetType()).GetValue(document)!;

        public static void DonnerId(object document, object id) => Identifiant(document.GetType()).SetValue(document, id);

        private static PropertyInfo Identifiant(Type type) =>
            type.GetProperties().SingleOrDefault(p => p.GetCustomAttribute<IdentityAttribute>() is not null) ?? type.GetProperty("Id")!;

        private static object? Remplir(Type type, string tenant, int profondeur, bool optionnelsVides = false)
        {
            if (Valeur(type, tenant, profondeur) is { } valeur)
            {
                return valeur;
            }
            if (type.IsAbstract || type.IsInterface || profondeur > 4)
            {
                return null;
            }
            var objet = RuntimeHelpers.GetUninitializedObject(type);
            foreach (var propriete in type.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.SetMethod is not null))
            {
                var contenu = propriete.Name == "Tenant" && propriete.PropertyType == typeof(string)
                    ? tenant
                    : propriete.Name == "Version" && propriete.PropertyType == typeof(int)
                        ? 0
                        : optionnelsVides && Nullabilite.Create(propriete).WriteState == NullabilityState.Nullable
                            ? null
                            : Remplir(propriete.PropertyType, tenant, profondeur + 1, optionnelsVides);
                propriete.SetValue(objet, contenu);
            }
            return objet;
        }

        private static object? Valeur(Type type, string tenant, int profondeur)
        {
            var n = Interlocked.Increment(ref _compteur);
            type = Nullable.GetUnderlyingType(type) ?? type;
            return type switch
            {
                _ when type == typeof(string) => $"texte-{n}",
                _ when type == typeof(Guid) => Guid.NewGuid(),
                _ when type == typeof(int) => n,
                _ when type == typeof(long) => (long)n,
                _ when type == typeof(short) => (short)(n % 1000),
                _ when type == typeof(bool) => true,
                _ when type == typeof(decimal) => n + 0.5m,
                _ when type == typeof(double) => n + 0.5,
                _ when type == typeof(DateOnly) => new DateOnly(2026, 10, 1 + n % 28),
                _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 10, 1, 8, 30, n % 60, TimeSpan.Zero),
                _ when type == typeof(DateTime) => new DateTime(2026, 10, 1, 8, 30, n % 60, DateTimeKind.Utc),
                _ when type == typeof(byte[]) => new byte[] { 1, 2, 3, (byte)n },
                _ when type.IsEnum => Enum.GetValues(type).Cast<object>().Last(),
                _ when type.IsArray => Tableau(type.GetElementType()!, tenant, profondeur),
                _ when type.IsGenericType && type.GetGenericTypeDefinition() is var g
                                          && (g == typeof(List<>) || g == typeof(IReadOnlyList<>) || g == typeof(IList<>) || g == typeof(IEnumerable<>)
                                              || g == typeof(IReadOnlyCollection<>) || g == typeof(HashSet<>)) => Liste(type, tenant, profondeur),
                _ when type.IsGenericType && type.GetGenericTypeDefinition() is var d
                                          && (d == typeof(Dictionary<,>) || d == typeof(IReadOnlyDictionary<,>) || d == typeof(IDictionary<,>)) =>
                    Dictionnaire(type, tenant, profondeur),
                _ => null,
            };
        }

        private static Array Tableau(Type element, string tenant, int profondeur)
        {
            var tableau = Array.CreateInstance(element, 1);
            tableau.SetValue(Remplir(element, tenant, profondeur + 1), 0);
            return tableau;
        }

        private static object Liste(Type type, string tenant, int profondeur)
        {
            var element = type.GetGenericArguments()[0];
            var concret = type.GetGenericTypeDefinition() == typeof(HashSet<>) ? type : typeof(List<>).MakeGenericType(element);
            var liste = Activator.CreateInstance(concret)!;
            concret.GetMethod("Add")!.Invoke(liste, [Remplir(element, tenant, profondeur + 1)]);
            return liste;
        }

        private static object Dictionnaire(Type type, string tenant, int profondeur)
        {
            var arguments = type.GetGenericArguments();
            var dictionnaire = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
            dictionnaire.Add(Remplir(arguments[0], tenant, profondeur + 1)!, Remplir(arguments[1], tenant, profondeur + 1));
            return dictionnaire;
        }
    }
}
