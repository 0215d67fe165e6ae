// The sample plan the mock backend starts with: a bakery's week around `today`.
import type {
  Channel,
  Event,
  Objective,
  Plan,
  PlannedInput,
  PostChannel,
  PostInput,
  PostStatus,
} from "../generated/models";
import { addDays, mondayOf } from "../time/week";

export const SAMPLE_PLAN_ID = "sample-plan";
const ZONE = "Europe/Paris";

export interface SampleData {
  plans: Plan[];
  channels: Channel[];
  objectives: Objective[];
  events: Event[];
  /** Posts to create through the mock's own `create_post`, so they get the same checks. */
  posts: PostInput[];
}

function meta(now: string) {
  return { createdAt: now, updatedAt: now, revision: 1, deletedAt: null };
}

const LONG_NOTE =
  "Chers collègues, voici l’organisation des fournées pour les fêtes. " +
  "Le fournil ouvrira à 3 h 30 du 15 au 24 décembre ; Mathieu prend les pains spéciaux, " +
  "Inès les bûches et les entremets, Karim les viennoiseries. Merci de noter vos disponibilités " +
  "dans le tableau avant vendredi midi, et de signaler toute contrainte (école, transport) à Claire. " +
  "Les précommandes ouvrent mercredi : prévoyez un stock de boîtes à bûche et d’étiquettes allergènes. " +
  "Pensez aussi à la farine de seigle bio, livrée lundi prochain, à ranger dans la réserve du fond. " +
  "Enfin, les portes ouvertes de samedi demandent deux volontaires pour l’atelier pétrissage avec les enfants. " +
  "Merci à toutes et à tous pour cette belle année ! 🥖👩‍🍳";

export function sampleData(today: string, now: string): SampleData {
  const monday = mondayOf(today);
  const day = (n: number) => addDays(monday, n);
  const m = meta(now);

  const plan: Plan = {
    id: SAMPLE_PLAN_ID,
    name: "Boulangerie Les Trois Épis",
    timezone: ZONE,
    locale: "fr-FR",
    ...m,
  };
  const channel = (
    id: string,
    platform: Channel["platform"],
    name: string,
    charLimit: number | null,
    weeklyTarget: number,
    color: string,
  ): Channel => ({ id, planId: plan.id, platform, name, charLimit, weeklyTarget, color, ...m });
  const channels = [
    channel("ch-instagram", "instagram", "Instagram @troisepis", 2200, 3, "#c13584"),
    channel("ch-facebook", "facebook", "Facebook Les Trois Épis", 63206, 3, "#1877f2"),
    channel("ch-linkedin", "linkedin", "LinkedIn Les Trois Épis", 3000, 2, "#0a66c2"),
    channel("ch-internal", "internal", "Le Fournil (équipe)", 500, 1, "#8a6d3b"),
  ];

  const objectives: Objective[] = [
    {
      id: "obj-awareness",
      planId: plan.id,
      kind: "awareness",
      title: "Se faire connaître dans le quartier",
      target: "+15 % d’abonnés Instagram d’ici fin décembre",
      startDate: day(-28),
      endDate: day(38),
      color: "#2f855a",
      targetShare: 50,
      ...m,
    },
    {
      id: "obj-sales",
      planId: plan.id,
      kind: "sales",
      title: "Bûches de Noël précommandées",
      target: "200 bûches précommandées",
      startDate: day(2),
      endDate: day(31),
      color: "#c05621",
      targetShare: 30,
      ...m,
    },
    {
      id: "obj-recruitment",
      planId: plan.id,
      kind: "recruitment",
      title: "Recruter un apprenti boulanger",
      target: "5 candidatures sérieuses",
      startDate: day(-14),
      endDate: day(2),
      color: "#6b46c1",
      targetShare: 20,
      ...m,
    },
  ];

  const events: Event[] = [
    {
      id: "evt-open-day",
      planId: plan.id,
      kind: "open_day",
      title: "Portes ouvertes au fournil",
      description: "Visite du fournil, atelier pétrissage pour les enfants, dégustation.",
      location: "12 rue des Moulins, Lyon",
      when: { kind: "allDay", start: day(5), end: day(5) },
      ...m,
    },
  ];

  const at = (n: number, time: string): PlannedInput => ({
    kind: "at",
    local: `${day(n)}T${time}:00`,
    timezone: ZONE,
  });
  const allDay = (n: number): PlannedInput => ({ kind: "day", date: day(n) });
  const on = (...ids: string[]): PostChannel[] => ids.map((channelId) => ({ channelId, variant: null }));
  const post = (
    title: string,
    planned: PlannedInput | null,
    channelIds: PostChannel[],
    objectiveId: string | null,
    status: PostStatus,
    customerValue: string,
    body: string,
    tags: string[] = [],
    eventId: string | null = null,
  ): PostInput => ({
    planId: plan.id,
    title,
    body,
    channels: channelIds,
    objectiveId,
    customerValue,
    status,
    planned,
    durationMinutes: null,
    eventId,
    assignee: "Claire",
    tags,
    links: [],
    notes: "",
    results: { url: null, likes: null, comments: null, shares: null },
  });

  const posts: PostInput[] = [
    post("Retour sur la fournée de la semaine", at(-4, "09:00"), on("ch-instagram"), "obj-awareness", "published",
      "Voir les coulisses du fournil", "Merci pour vos retours sur la tourte de seigle ! 🥖", ["coulisses"]),
    post("Le pain du jour : tourte de seigle", at(0, "08:30"), on("ch-instagram", "ch-facebook"), "obj-awareness",
      "scheduled", "Savoir quel pain sort du four ce matin",
      "Ce matin, tourte de seigle au levain naturel, croûte épaisse et mie dense. Idéale avec un fromage de chèvre. 🧀",
      ["pain", "levain"]),
    post("Nous recrutons un apprenti boulanger", at(0, "12:00"), on("ch-linkedin"), "obj-recruitment", "approved",
      "Un métier transmis par des artisans passionnés",
      "Les Trois Épis cherchent un·e apprenti·e boulanger·ère pour la rentrée de janvier. Horaires du matin, formation au levain, ambiance familiale.",
      ["recrutement"]),
    post("Planning des fournées de décembre", allDay(1), on("ch-internal"), null, "draft", "", LONG_NOTE),
    post("Coulisses : notre levain a 40 ans", at(1, "18:00"), on("ch-instagram"), "obj-awareness", "in_review",
      "Comprendre ce qui fait le goût de notre pain",
      "Il s’appelle Gaston, il a 40 ans et on le nourrit deux fois par jour. Notre levain est le cœur du fournil. 💛"),
    post("Précommandes des bûches ouvertes", at(2, "07:45"), on("ch-facebook", "ch-instagram"), "obj-sales",
      "scheduled", "Réserver sa bûche sans faire la queue le 24",
      "Les précommandes de bûches sont ouvertes ! Praliné-noisette, marron-cassis ou vanille-caramel. Retrait du 20 au 24 décembre.",
      ["noël", "bûche"]),
    post("Recette : pain perdu brioché", at(2, "16:00"), on("ch-instagram", "ch-facebook"), "obj-awareness", "draft",
      "", "Votre brioche a durci ? Voici notre recette de pain perdu, prête en 10 minutes.", ["recette"]),
    post("Apprentissage : le témoignage de Léa", at(3, "09:00"), on("ch-linkedin"), "obj-recruitment", "in_review",
      "Découvrir le quotidien d’une apprentie",
      "« J’ai appris à façonner une baguette en trois semaines. » Léa, apprentie depuis septembre, raconte son quotidien au fournil."),
    post("Vendredi : fougasse aux olives 🫒", at(4, "08:00"), on("ch-instagram"), "obj-awareness", "scheduled",
      "Une idée d’apéro pour le week-end", "La fougasse aux olives revient ce vendredi, en quantité limitée !"),
    post("Idée : calendrier de l’Avent gourmand", at(4, "17:30"), [], "obj-sales", "idea",
      "Une surprise chaque jour de décembre", "Un jeu concours avec une viennoiserie à gagner chaque jour ?"),
    post("Portes ouvertes : venez pétrir avec nous !", allDay(5), on("ch-instagram", "ch-facebook"),
      "obj-awareness", "scheduled", "Une sortie gratuite en famille",
      "Samedi, le fournil vous ouvre ses portes : visite, atelier pétrissage pour les enfants et dégustation. Entrée libre de 9 h à 17 h.",
      ["portesouvertes"], "evt-open-day"),
    post("Brunch du dimanche : nos viennoiseries", at(6, "10:00"), on("ch-facebook"), "obj-sales", "draft",
      "Commander son brunch la veille", "Croissants, pains au chocolat, chaussons aux pommes : commandez votre panier brunch avant samedi 18 h."),
    post("Atelier du mercredi annulé", at(2, "14:00"), on("ch-facebook"), "obj-awareness", "cancelled",
      "", "L’atelier pain des enfants est reporté."),
    post("Galette des rois : c’est bientôt", at(9, "08:30"), on("ch-instagram"), "obj-sales", "idea",
      "Réserver sa galette à l’avance", "La frangipane maison arrive en janvier !"),
  ];

  return { plans: [plan], channels, objectives, events, posts };
}
