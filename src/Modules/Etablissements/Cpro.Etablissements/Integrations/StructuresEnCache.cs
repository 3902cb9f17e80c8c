using Cpro.Etablissements.Domain;
using Cpro.Etablissements.Siecle;
using Cpro.Kernel.Persistence;

namespace Cpro.Etablissements.Integrations;

/// <summary>What other modules ask of accounts, learners and classes on nearly every request (who may follow a learner,
/// people's names): kept briefly, forgotten at the commit of any change to these documents, an import's copied ones
/// included (<see cref="Synchronisation"/>).</summary>
internal sealed class StructuresEnCache() : LecturesEnCache(typeof(Utilisateur), typeof(Apprenant), typeof(Personnel), typeof(Structure));
