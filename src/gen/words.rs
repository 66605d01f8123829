//! Word lists for generated projects: names, organisations and prose.

pub const NAME_FIRST: &[&str] = &[
    "Inkluderande", "Nya", "Hållbar", "Framtida", "Stärkt", "Gemensam", "Flexibel", "Digital",
    "Trygg", "Aktiv", "Öppen", "Samverkande", "Grön", "Lokal", "Regional", "Unga", "Vidgade",
    "Snabbare", "Smarta", "Jämställd",
];

pub const NAME_SECOND: &[&str] = &[
    "rehabilitering", "vägar", "steg", "arbetsliv", "kompetens", "integration", "övergångar",
    "matchning", "vägledning", "hälsa", "etablering", "språkstöd", "praktik", "samordning",
    "framtid", "arbetsgivare", "yrkesutbildning", "coachning", "inkludering", "sysselsättning",
];

pub const NAME_SUFFIX: &[&str] = &["", "", "", " 2.0", " +", " II", " – förstudie", " i samverkan"];

pub const UNIT_TYPES: &[&str] = &[
    "Arbetsmarknadsenheten", "Socialförvaltningen", "Vuxenutbildningen", "Integrationsenheten",
    "Kompetenscentrum", "Näringslivsenheten", "Individ- och familjeomsorgen", "Jobbcentrum",
];

pub const ORG_FORMS: &[&str] = &[
    "Föreningen", "Stiftelsen", "Kooperativet", "Studieförbundet", "Folkhögskolan", "Nätverket",
    "Kompetensföretaget", "Resurscentrum",
];

pub const ORG_WORDS: &[&str] = &[
    "Bryggan", "Navet", "Kompassen", "Ankaret", "Fyren", "Vägen", "Broen", "Stegen", "Kraften",
    "Källan", "Porten", "Trappan", "Hamnen", "Ljuset", "Grinden", "Spåret", "Noden", "Länken",
    "Kärnan", "Tråden", "Vingen", "Stjärnan", "Roten", "Bladet",
];

pub const BRANCHES: &[&str] = &[
    "Angered", "Gamlestaden", "Järntorget", "Centrum", "Norr", "Söder", "Öster", "Väster",
    "Hisingen", "Rosengård", "Husby", "Tensta", "Gottsunda", "Skärholmen", "Vivalla",
];

/// Well-known agencies and kinds of actor, most used first.
pub const AGENCIES: &[&str] = &[
    "Arbetsförmedlingen", "Försäkringskassan", "Samordningsförbund", "Socialtjänsten",
    "Psykiatrin", "Vårdcentral", "Migrationsverket", "Kriminalvården", "Primärvården",
    "Vuxenutbildningen", "Skolverket", "Länsstyrelsen", "Samhall", "Tillväxtverket",
];

pub const TARGET_GROUPS: &[&str] = &[
    "unga vuxna som varken arbetar eller studerar",
    "personer med psykisk ohälsa",
    "nyanlända kvinnor och män",
    "långtidsarbetslösa över 50 år",
    "personer med funktionsnedsättning",
    "försörjningsstödstagare",
    "sjukskrivna som står långt från arbetsmarknaden",
    "unga med ofullständiga gymnasiebetyg",
];

pub const METHODS: &[&str] = &[
    "Supported employment", "IPS", "motiverande samtal", "arbetsträning", "språkutvecklande arbetssätt",
    "individuell coachning", "validering", "praktik med handledare", "lågaffektivt bemötande",
    "studie- och yrkesvägledning",
];

pub const SENTENCES: &[&str] = &[
    "Projektet vänder sig till {group} i {place} och ska stärka deras väg till arbete eller studier.",
    "Arbetet bygger på {method} och på erfarenheter från tidigare projekt i regionen.",
    "Deltagarna erbjuds {method} utifrån sina egna förutsättningar och behov.",
    "En viktig del är samverkan med {agency} och med arbetsgivare i {place}.",
    "Projektet ska utveckla metoder som kan leva vidare i ordinarie verksamhet efter projekttiden.",
    "Målet är att minst hälften av deltagarna ska ha gått vidare till arbete, studier eller annan insats.",
    "Genom {method} får deltagarna stöd att ta nästa steg mot egen försörjning.",
    "Personalen får kompetensutveckling inom {method} och jämställdhetsintegrering.",
    "Projektet arbetar aktivt med tillgänglighet, jämställdhet och icke-diskriminering.",
    "Erfarenheterna sprids till andra kommuner i {region} genom nätverk och seminarier.",
    "Tidigare insatser har visat att {group} ofta behöver stöd från flera aktörer samtidigt.",
    "Samordningen mellan {agency} och kommunen förbättras genom gemensamma arbetsformer.",
];
