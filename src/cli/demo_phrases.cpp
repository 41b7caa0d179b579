#include "cli/demo_phrases.hpp"

// The phrase banks of the demo workspace: what Énergie Sud, a gas and energy distributor in the
// south of France, says to its customers about safety, tanks, biomethane, heat pumps, savings,
// customer service, regulations and its climate commitments. Each sentence stands on its own so
// that any selection reads well; facts are kept general enough to stay true.

namespace copydesk::cli::demo {

namespace {

// ---- gas safety in winter -------------------------------------------------------------------

const PhraseBank kGasSafetyFr{
    .titles = {"Sécurité gaz : 5 réflexes pour un hiver serein",
               "Monoxyde de carbone : le danger invisible de l'hiver",
               "Odeur de gaz chez vous ? Les bons gestes, dans l'ordre",
               "Chaudière : pourquoi l'entretien annuel vous protège",
               "Aérer même quand il fait froid : le geste qui sauve",
               "Détecteur de monoxyde de carbone : faut-il en installer un ?"},
    .subjects = {"La sécurité gaz en hiver", "Votre chaudière", "Le monoxyde de carbone"},
    .leads =
        {"Chaque hiver, les intoxications au monoxyde de carbone reviennent avec le froid. "
         "Quelques gestes simples suffisent pourtant à protéger votre foyer.",
         "Chauffage au maximum, fenêtres fermées, appareils très sollicités : l'hiver met vos "
         "installations à l'épreuve. Nos techniciens vous expliquent comment passer la saison "
         "en toute sécurité.",
         "Une odeur inhabituelle, une flamme jaune, des maux de tête qui disparaissent dehors : "
         "autant de signaux qu'il ne faut jamais ignorer."},
    .headings = {"Les signes qui doivent vous alerter", "Les bons réflexes au quotidien",
                 "En cas d'odeur de gaz", "Ce que fait votre technicien lors de l'entretien"},
    .sentences =
        {"Le monoxyde de carbone est un gaz inodore, incolore et non irritant : on ne le sent pas, "
         "on ne le voit pas.",
         "Maux de tête, nausées, fatigue inhabituelle : si ces symptômes touchent plusieurs "
         "personnes du foyer et s'atténuent à l'extérieur, aérez et sortez immédiatement.",
         "L'entretien annuel de votre chaudière est obligatoire, et c'est surtout la meilleure "
         "garantie d'un appareil sûr et performant.",
         "Une flamme bleue et stable est le signe d'une bonne combustion ; une flamme jaune ou "
         "orangée doit vous alerter.",
         "Même par grand froid, aérez votre logement au moins dix minutes par jour et ne bouchez "
         "jamais les entrées d'air.",
         "Les chauffages d'appoint à combustion ne doivent jamais fonctionner en continu, ni dans "
         "une pièce fermée.",
         "En cas d'odeur de gaz, n'actionnez aucun interrupteur, ne provoquez ni flamme ni "
         "étincelle et ouvrez les fenêtres.",
         "Fermez le robinet de coupure au compteur, quittez les lieux, puis appelez notre service "
         "d'urgence depuis l'extérieur.",
         "Nos équipes d'intervention sont joignables 24 h/24 et 7 j/7, jours fériés compris.",
         "Un conduit de fumée encombré suffit à faire refouler les gaz brûlés dans la pièce : "
         "faites-le ramoner régulièrement.",
         "Le détecteur de monoxyde de carbone n'est pas obligatoire, mais il donne une alerte "
         "précieuse en complément de l'entretien.",
         "Lors de sa visite, le technicien contrôle les organes de sécurité, nettoie le brûleur et "
         "mesure le monoxyde de carbone rejeté."},
    .tips = {"**Faites entretenir votre chaudière** chaque année par un professionnel qualifié.",
             "**Aérez dix minutes par jour**, même en plein hiver.",
             "**Ne bouchez jamais les grilles de ventilation**, même si elles laissent passer le "
             "froid.",
             "**Surveillez la couleur de la flamme** : elle doit rester bleue.",
             "**Gardez le numéro d'urgence à portée de main**, sur le réfrigérateur par exemple.",
             "**Faites ramoner vos conduits** avant la saison de chauffe."},
    .hooks = {"Le monoxyde de carbone ne se voit pas et ne se sent pas.",
              "Odeur de gaz ? Pas d'interrupteur, pas de flamme : on aère et on sort.",
              "Cet hiver, votre chaudière mérite dix minutes d'attention.",
              "Aérer par -5 °C ? Oui, et voici pourquoi.",
              "Flamme jaune, vigilance. Flamme bleue, tout va bien."},
    .scenes = {"Extérieur, petit matin d'hiver : une maison sous le givre, la fumée monte de la "
               "cheminée.",
               "Un technicien ouvre sa mallette devant une chaudière murale et démonte le capot.",
               "Une main ouvre grand une fenêtre ; de la buée sur la vitre."},
    .tags = {"sécurité", "hiver", "chaudière", "monoxyde de carbone", "prévention"},
    .hashtags = {"#SécuritéGaz", "#Hiver", "#MonoxydeDeCarbone", "#Prévention"},
};

const PhraseBank kGasSafetyEn{
    .titles = {"Gas safety: 5 habits for a worry-free winter",
               "Carbon monoxide: winter's invisible danger",
               "Smell gas at home? The right steps, in the right order",
               "Why your annual boiler service keeps you safe",
               "Airing your home in the cold: the habit that saves lives",
               "Carbon monoxide alarms: should you fit one?"},
    .subjects = {"Gas safety in winter", "Your boiler", "Carbon monoxide"},
    .leads = {"Every winter, carbon monoxide poisoning returns with the cold. A few simple habits "
              "are all it takes to protect your household.",
              "Heating on full, windows closed, appliances working hard: winter puts your "
              "installation to the test. Our technicians explain how to get through the season "
              "safely.",
              "An unusual smell, a yellow flame, headaches that fade once you step outside: these "
              "are signals you should never ignore."},
    .headings = {"The warning signs", "Good habits every day", "If you smell gas",
                 "What your technician checks during a service"},
    .sentences =
        {"Carbon monoxide has no smell, no colour and no taste: you cannot see it and you cannot "
         "smell it.",
         "Headaches, nausea, unusual tiredness: if several people at home feel them and they ease "
         "outdoors, open the windows and get out straight away.",
         "An annual boiler service is a legal requirement in France, and above all the best "
         "guarantee of a safe, efficient appliance.",
         "A steady blue flame means clean combustion; a yellow or orange flame is a warning sign.",
         "Even in freezing weather, air your home for at least ten minutes a day and never block "
         "the air vents.",
         "Fuel-burning space heaters should never run non-stop or in a closed room.",
         "If you smell gas, do not touch any switch, avoid any flame or spark, and open the "
         "windows.",
         "Turn off the gas at the meter, leave the building, then call our emergency line from "
         "outside.",
         "Our emergency teams can be reached 24 hours a day, 7 days a week, bank holidays "
         "included.",
         "A blocked flue is enough to push exhaust gases back into the room: have it swept "
         "regularly.",
         "A carbon monoxide alarm is not compulsory, but it gives a valuable early warning on top "
         "of regular servicing.",
         "During the visit, the technician checks the safety devices, cleans the burner and "
         "measures the carbon monoxide released."},
    .tips = {"**Have your boiler serviced** every year by a qualified professional.",
             "**Air your home for ten minutes a day**, even in midwinter.",
             "**Never block the air vents**, even when they let the cold in.",
             "**Watch the colour of the flame**: it should stay blue.",
             "**Keep the emergency number handy**, on the fridge for instance.",
             "**Have your flues swept** before the heating season."},
    .hooks = {"You can't see carbon monoxide. You can't smell it either.",
              "Smell gas? No switches, no flames: open up and get out.",
              "This winter, your boiler deserves ten minutes of your attention.",
              "Opening the windows at -5 °C? Yes, and here's why.",
              "Yellow flame: be careful. Blue flame: all good."},
    .scenes = {"Outside, early on a winter morning: a frosty house, smoke rising from the "
               "chimney.",
               "A technician opens his toolbox in front of a wall-mounted boiler and removes the "
               "cover.",
               "A hand flings a window open; condensation on the glass."},
    .tags = {"safety", "winter", "boiler", "carbon monoxide", "prevention"},
    .hashtags = {"#GasSafety", "#Winter", "#CarbonMonoxide", "#StaySafe"},
};

// ---- LPG tanks ------------------------------------------------------------------------------

const PhraseBank kTankFr{
    .titles = {"Citerne de propane : le guide de l'entretien",
               "Réépreuve décennale de votre citerne : comment ça se passe ?",
               "Livraison de gaz en hiver : facilitez l'accès au camion",
               "Jauge de citerne : quand commander votre prochain plein ?",
               "Sécurité des citernes en hiver : nos conseils",
               "Citerne enterrée ou aérienne : ce qui change pour vous"},
    .subjects = {"Votre citerne de gaz", "La livraison de propane", "La jauge de votre citerne"},
    .leads = {"Votre citerne de propane travaille toute l'année sans bruit. Un contrôle régulier "
              "et quelques précautions lui assurent une longue vie, en toute sécurité.",
              "Neige, verglas, chemin étroit : en hiver, l'accès à votre citerne conditionne la "
              "livraison. Voici comment aider nos chauffeurs-livreurs.",
              "Tous les dix ans, votre citerne passe une réépreuve obligatoire. Nos techniciens "
              "s'occupent de tout dans le cadre de votre contrat."},
    .headings = {"Ce que nous contrôlons", "Ce que vous pouvez faire", "Préparer la livraison",
                 "Lire votre jauge"},
    .sentences =
        {"Nos techniciens inspectent la citerne, les soupapes, le limiteur de remplissage et "
         "l'état de la peinture à chaque visite périodique.",
         "Dégagez un passage d'au moins trois mètres de large jusqu'à la citerne pour que le "
         "camion puisse manœuvrer en sécurité.",
         "Par temps de neige, pensez à dégager le capot de la citerne et l'accès au point de "
         "remplissage.",
         "Ne stockez jamais de bois, de déchets verts ou de matériaux combustibles à moins de "
         "trois mètres de la citerne.",
         "La jauge indique le pourcentage de remplissage : commandez votre plein lorsqu'elle "
         "descend autour de 20 %.",
         "Avec la livraison automatique, nous suivons votre consommation et planifions le plein "
         "avant que vous en ayez besoin.",
         "La végétation autour de la citerne doit rester entretenue : les herbes hautes gênent "
         "les contrôles et augmentent le risque d'incendie.",
         "Une citerne n'est jamais remplie à plus de 85 % de sa capacité, pour laisser au gaz la "
         "place de se dilater.",
         "Si vous sentez une odeur persistante près de la citerne, fermez le robinet principal et "
         "appelez immédiatement notre service d'urgence.",
         "La réépreuve décennale vérifie l'étanchéité et la résistance de la citerne sous "
         "pression.",
         "La télé-jauge connectée vous prévient sur votre téléphone lorsque le niveau devient "
         "bas."},
    .tips = {"**Dégagez l'accès** au camion de livraison, surtout après une chute de neige.",
             "**Surveillez la jauge** et commandez autour de 20 %.",
             "**Tenez la citerne à l'écart** de tout stockage de bois ou de matériaux "
             "inflammables.",
             "**Entretenez la végétation** dans un rayon de trois mètres.",
             "**Ne repeignez pas la citerne vous-même** : signalez-nous plutôt toute trace de "
             "rouille."},
    .hooks = {"Neige annoncée ? Pensez au chemin de votre citerne.",
              "Votre jauge est à 25 % ? C'est le bon moment pour commander.",
              "Tous les dix ans, votre citerne passe son contrôle technique.",
              "Une citerne bien entretenue, c'est un hiver sans souci."},
    .scenes = {"Un camion de livraison remonte lentement un chemin enneigé jusqu'à une maison.",
               "Gros plan sur la jauge d'une citerne : l'aiguille indique 20 %.",
               "Un technicien en gilet orange contrôle les soupapes d'une citerne dans un jardin."},
    .tags = {"citerne", "propane", "livraison", "entretien"},
    .hashtags = {"#Propane", "#Citerne", "#GazEnCiterne"},
};

const PhraseBank kTankEn{
    .titles = {"Your propane tank: the maintenance guide",
               "Your tank's ten-year pressure test: what happens",
               "Winter gas deliveries: keep the way clear for our lorry",
               "Reading your tank gauge: when to order your next fill",
               "Gas tank safety in winter: our advice",
               "Underground or above-ground tank: what changes for you"},
    .subjects = {"Your gas tank", "Propane delivery", "Your tank gauge"},
    .leads = {"Your propane tank works quietly all year round. Regular checks and a few "
              "precautions give it a long and safe life.",
              "Snow, ice, a narrow lane: in winter, access to your tank decides whether we can "
              "deliver. Here is how to help our drivers.",
              "Every ten years your tank undergoes a mandatory pressure test. Our technicians take "
              "care of everything as part of your contract."},
    .headings = {"What we check", "What you can do", "Getting ready for a delivery",
                 "Reading your gauge"},
    .sentences =
        {"Our technicians inspect the tank, the valves, the fill limiter and the paintwork at "
         "every periodic visit.",
         "Keep a path at least three metres wide to the tank so the lorry can manoeuvre safely.",
         "When it snows, remember to clear the tank cover and the access to the filling point.",
         "Never store firewood, garden waste or flammable materials within three metres of the "
         "tank.",
         "The gauge shows how full the tank is: order your next fill when it drops to around "
         "20%.",
         "With automatic delivery, we follow your consumption and schedule a fill before you need "
         "it.",
         "Keep the vegetation around the tank trimmed: tall grass gets in the way of inspections "
         "and increases the fire risk.",
         "A tank is never filled beyond 85% of its capacity, leaving room for the gas to expand.",
         "If you notice a lingering smell near the tank, close the main valve and call our "
         "emergency line at once.",
         "The ten-year test checks that the tank is sound and holds its pressure.",
         "The connected remote gauge alerts you on your phone when the level runs low."},
    .tips = {"**Clear the way** for the delivery lorry, especially after snowfall.",
             "**Keep an eye on the gauge** and order at around 20%.",
             "**Keep the tank away** from firewood and flammable materials.",
             "**Trim the vegetation** within three metres.",
             "**Don't repaint the tank yourself**: tell us about any rust instead."},
    .hooks = {"Snow on the way? Think about the path to your tank.",
              "Gauge at 25%? Now is the right time to order.",
              "Every ten years, your tank gets its MOT.",
              "A well-kept tank means a worry-free winter."},
    .scenes = {"A delivery lorry slowly climbs a snowy lane towards a house.",
               "Close-up on a tank gauge: the needle points to 20%.",
               "A technician in an orange vest checks the valves of a tank in a garden."},
    .tags = {"tank", "propane", "delivery", "maintenance"},
    .hashtags = {"#Propane", "#LPG", "#GasTank"},
};

// ---- biomethane -----------------------------------------------------------------------------

const PhraseBank kBiomethaneFr{
    .titles = {"Biométhane : le gaz renouvelable produit près de chez vous",
               "Du champ au réseau : comment naît le biométhane",
               "Notre nouvelle offre biométhane, expliquée simplement",
               "Garanties d'origine : ce que signifie « gaz vert » sur votre facture",
               "Rencontre avec un agriculteur méthaniseur de la Drôme",
               "Biométhane : 5 idées reçues passées au crible"},
    .subjects = {"Le biométhane", "Notre offre gaz vert", "La méthanisation agricole"},
    .leads = {"Produit à partir de résidus agricoles et de biodéchets, le biométhane a les mêmes "
              "usages que le gaz naturel, avec une empreinte carbone bien plus faible.",
              "Avec notre offre biométhane, une part de votre consommation est couverte par du gaz "
              "renouvelable produit dans des unités de méthanisation de la région.",
              "Sans changer de chaudière ni de raccordement, vous pouvez désormais choisir un gaz "
              "issu de ressources renouvelables."},
    .headings = {"Comment est produit le biométhane", "Ce qui change pour vous",
                 "Un circuit court de l'énergie", "Les garanties d'origine"},
    .sentences =
        {"Le biométhane est obtenu par méthanisation : des matières organiques se décomposent à "
         "l'abri de l'air et produisent un biogaz que l'on épure.",
         "Une fois épuré, il est injecté dans le réseau et s'utilise exactement comme le gaz "
         "naturel, pour se chauffer, cuisiner ou produire de l'eau chaude.",
         "Effluents d'élevage, résidus de cultures, déchets de l'industrie agroalimentaire : les "
         "unités valorisent des ressources locales.",
         "Le digestat, résidu de la méthanisation, retourne aux champs comme fertilisant "
         "naturel.",
         "Chaque mégawattheure de biométhane injecté donne lieu à une garantie d'origine, qui en "
         "assure la traçabilité.",
         "Vous n'avez aucun équipement à changer : votre chaudière fonctionne au biométhane sans "
         "le moindre réglage.",
         "En choisissant l'offre biométhane, vous soutenez directement les agriculteurs "
         "méthaniseurs de la région.",
         "La méthanisation apporte aux exploitations agricoles un complément de revenu stable.",
         "Le biométhane réduit les émissions de gaz à effet de serre par rapport au gaz d'origine "
         "fossile.",
         "Vous choisissez la part de biométhane de votre contrat : 10 %, 50 % ou 100 % de votre "
         "consommation."},
    .tips = {"**Aucun changement d'équipement** : votre chaudière reste la même.",
             "**Une traçabilité garantie** par les garanties d'origine.",
             "**Une production régionale**, issue d'unités agricoles partenaires.",
             "**Une souscription en ligne** en quelques minutes depuis votre espace client.",
             "**Un engagement modulable** : 10 %, 50 % ou 100 % de biométhane."},
    .hooks = {"Et si votre gaz venait de la ferme d'à côté ?", "Même chaudière, gaz renouvelable.",
              "Du fumier au radiateur : la méthanisation en 30 secondes.",
              "Le gaz vert, ce n'est pas une couleur, c'est une origine."},
    .scenes = {"Vue aérienne d'une exploitation agricole et des dômes verts de son méthaniseur.",
               "Un agriculteur, bottes aux pieds, montre fièrement son unité de méthanisation.",
               "Une casserole sur une flamme bleue, dans une cuisine baignée de soleil."},
    .tags = {"biométhane", "gaz vert", "méthanisation", "agriculture"},
    .hashtags = {"#Biométhane", "#GazVert", "#Méthanisation", "#ÉnergieRenouvelable"},
};

const PhraseBank kBiomethaneEn{
    .titles = {"Biomethane: renewable gas produced close to home",
               "From field to grid: how biomethane is made",
               "Our new biomethane offer, simply explained",
               "Guarantees of origin: what \"green gas\" means on your bill",
               "Meet a farmer who turns waste into gas", "Biomethane: 5 myths put to the test"},
    .subjects = {"Biomethane", "Our green gas offer", "Farm-based anaerobic digestion"},
    .leads = {"Made from farm residues and food waste, biomethane does everything natural gas "
              "does, with a much smaller carbon footprint.",
              "With our biomethane offer, part of your consumption is covered by renewable gas "
              "produced in anaerobic digestion plants in the region.",
              "Without changing your boiler or your connection, you can now choose gas that comes "
              "from renewable sources."},
    .headings = {"How biomethane is produced", "What changes for you",
                 "Local energy, short "
                 "supply chain",
                 "Guarantees of origin"},
    .sentences =
        {"Biomethane comes from anaerobic digestion: organic matter breaks down without air and "
         "releases a biogas that is then purified.",
         "Once purified, it is injected into the grid and used exactly like natural gas, for "
         "heating, cooking or hot water.",
         "Livestock manure, crop residues, food-industry waste: the plants make use of local "
         "resources.",
         "Digestate, what remains after digestion, goes back to the fields as a natural "
         "fertiliser.",
         "Every megawatt-hour of biomethane injected comes with a guarantee of origin that "
         "ensures it can be traced.",
         "There is nothing to replace: your boiler runs on biomethane without any adjustment.",
         "By choosing the biomethane offer, you directly support the region's farmers who run "
         "digesters.",
         "Anaerobic digestion gives farms a steady additional income.",
         "Biomethane cuts greenhouse gas emissions compared with fossil natural gas.",
         "You choose the share of biomethane in your contract: 10%, 50% or 100% of your "
         "consumption."},
    .tips = {"**No new equipment**: your boiler stays the same.",
             "**Guaranteed traceability** through guarantees of origin.",
             "**Produced in the region**, by partner farm plants.",
             "**Sign up online** in a few minutes from your customer account.",
             "**A flexible commitment**: 10%, 50% or 100% biomethane."},
    .hooks = {"What if your gas came from the farm next door?", "Same boiler, renewable gas.",
              "From manure to radiator: anaerobic digestion in 30 seconds.",
              "Green gas isn't a colour, it's an origin."},
    .scenes = {"Aerial view of a farm and the green domes of its digester.",
               "A farmer in boots proudly shows off his digestion plant.",
               "A saucepan on a blue flame in a sunlit kitchen."},
    .tags = {"biomethane", "green gas", "anaerobic digestion", "farming"},
    .hashtags = {"#Biomethane", "#GreenGas", "#RenewableEnergy"},
};

// ---- heat pumps -----------------------------------------------------------------------------

const PhraseBank kHeatPumpFr{
    .titles = {"Pompe à chaleur hybride : le meilleur des deux énergies",
               "Pompe à chaleur : est-elle adaptée à votre maison ?",
               "Remplacer sa chaudière : les solutions qui s'offrent à vous",
               "PAC hybride : comment elle choisit entre gaz et électricité",
               "Aides à la rénovation : ce qui finance votre pompe à chaleur",
               "Installer une pompe à chaleur, du devis à la mise en service"},
    .subjects = {"La pompe à chaleur hybride", "Le remplacement de votre chaudière",
                 "Les aides à l'installation"},
    .leads = {"La pompe à chaleur hybride associe une chaudière gaz à condensation et une pompe à "
              "chaleur électrique : le système choisit à chaque instant l'énergie la plus "
              "efficace.",
              "Vous envisagez de remplacer votre chaudière ? Avant de choisir, nos conseillers "
              "font le point avec vous sur votre logement, votre budget et les aides disponibles.",
              "Une pompe à chaleur bien dimensionnée peut réduire nettement votre facture de "
              "chauffage, à condition que le logement s'y prête."},
    .headings = {"Comment ça marche", "Pour quel logement ?", "Les aides mobilisables",
                 "Du devis à la mise en service"},
    .sentences =
        {"Une pompe à chaleur capte les calories présentes dans l'air extérieur pour chauffer "
         "votre logement.",
         "Quand il fait très froid, la chaudière prend le relais et garantit votre confort sans "
         "faire s'envoler la consommation électrique.",
         "Son rendement s'exprime par le coefficient de performance : un COP de 4 signifie qu'un "
         "kilowattheure d'électricité produit quatre kilowattheures de chaleur.",
         "La solution hybride convient particulièrement aux maisons déjà équipées de radiateurs, "
         "sans travaux lourds.",
         "Avant toute installation, un technicien réalise une étude thermique pour dimensionner "
         "l'équipement au plus juste.",
         "Une partie de l'investissement peut être financée par MaPrimeRénov' et les certificats "
         "d'économies d'énergie, sous conditions.",
         "L'installation doit être réalisée par un professionnel certifié RGE pour ouvrir droit "
         "aux aides.",
         "La pose d'une pompe à chaleur hybride prend généralement une à deux journées.",
         "Un seul contrat d'entretien couvre à la fois la partie gaz et la pompe à chaleur.",
         "L'unité extérieure se place à distance des chambres et des limites de propriété pour "
         "limiter le bruit."},
    .tips = {"**Faites réaliser une étude thermique** avant de choisir votre équipement.",
             "**Vérifiez la certification RGE** de l'installateur.",
             "**Montez votre dossier d'aides avant de signer** le devis.",
             "**Réfléchissez à l'emplacement de l'unité extérieure**, pour le confort de tous.",
             "**Prévoyez un entretien annuel** pour garder les performances."},
    .hooks = {"Gaz ou électricité ? Avec l'hybride, plus besoin de choisir.",
              "Votre chaudière a plus de 15 ans ? Parlons de la suite.",
              "Un COP de 4, ça veut dire quoi ? On vous explique.",
              "Rénover son chauffage sans tout casser, c'est possible."},
    .scenes = {"L'unité extérieure d'une pompe à chaleur tourne doucement contre un mur en "
               "pierre.",
               "Une conseillère et un couple autour d'une table, un devis entre eux.",
               "Gros plan sur un thermostat que l'on règle à 19 °C."},
    .tags = {"pompe à chaleur", "PAC hybride", "rénovation", "aides"},
    .hashtags = {"#PompeÀChaleur", "#Rénovation", "#MaPrimeRénov"},
};

const PhraseBank kHeatPumpEn{
    .titles = {"Hybrid heat pumps: the best of both energies",
               "Is a heat pump right for your home?",
               "Replacing your boiler: the options open to you",
               "Hybrid heat pumps: how they choose between gas and electricity",
               "Renovation grants: what can fund your heat pump",
               "Installing a heat pump, from quote to switch-on"},
    .subjects = {"Hybrid heat pumps", "Replacing your boiler", "Installation grants"},
    .leads = {"A hybrid heat pump pairs a condensing gas boiler with an electric heat pump: the "
              "system picks the most efficient energy at every moment.",
              "Thinking of replacing your boiler? Before you choose, our advisers review your "
              "home, your budget and the grants available with you.",
              "A well-sized heat pump can cut your heating bill noticeably, provided your home is "
              "suited to it."},
    .headings = {"How it works", "Which homes suit it?", "The grants you can claim",
                 "From quote to switch-on"},
    .sentences =
        {"A heat pump draws heat from the outside air to warm your home.",
         "When it gets very cold, the boiler takes over and keeps you comfortable without sending "
         "electricity use through the roof.",
         "Its efficiency is measured by the coefficient of performance: a COP of 4 means one "
         "kilowatt-hour of electricity produces four kilowatt-hours of heat.",
         "The hybrid option particularly suits houses that already have radiators, with no major "
         "works.",
         "Before any installation, a technician carries out a heat survey to size the equipment "
         "precisely.",
         "Part of the cost can be covered by MaPrimeRénov' and energy-saving certificates, "
         "subject to conditions.",
         "The installer must hold the RGE certification for you to be eligible for grants.",
         "Fitting a hybrid heat pump usually takes one to two days.",
         "A single maintenance contract covers both the gas side and the heat pump.",
         "The outdoor unit should sit away from bedrooms and property lines to keep noise "
         "down."},
    .tips = {"**Get a heat survey** before choosing your equipment.",
             "**Check the installer's RGE certification**.",
             "**Apply for grants before signing** the quote.",
             "**Think about where the outdoor unit goes**, for everyone's comfort.",
             "**Plan a yearly service** to keep it performing."},
    .hooks = {"Gas or electricity? With a hybrid, you don't have to choose.",
              "Boiler over 15 years old? Let's talk about what comes next.",
              "A COP of 4 — what does that mean? We explain.",
              "Upgrading your heating without tearing the house apart is possible."},
    .scenes = {"The outdoor unit of a heat pump hums quietly against a stone wall.",
               "An adviser and a couple around a table, a quote between them.",
               "Close-up on a thermostat being set to 19 °C."},
    .tags = {"heat pump", "hybrid heat pump", "renovation", "grants"},
    .hashtags = {"#HeatPump", "#HomeRenovation", "#EnergyTransition"},
};

// ---- energy savings -------------------------------------------------------------------------

const PhraseBank kSavingsFr{
    .titles = {"10 gestes simples pour réduire votre facture de chauffage",
               "19 °C : pourquoi chaque degré compte",
               "Suivre sa consommation pour mieux la maîtriser",
               "Thermostat programmable : le bon réglage pour chaque pièce",
               "Purger ses radiateurs : le geste d'automne qui fait la différence",
               "Isolation : par où commencer pour avoir plus chaud ?"},
    .subjects = {"Les économies d'énergie", "Votre facture de chauffage", "Le thermostat"},
    .leads = {"Baisser le chauffage d'un degré, c'est environ 7 % d'énergie en moins. Voici "
              "d'autres gestes, tout aussi simples, pour alléger votre facture cet hiver.",
              "Programmer, réguler, isoler : réduire sa consommation ne veut pas dire renoncer à "
              "son confort.",
              "Votre espace client affiche votre consommation mois par mois : un outil précieux "
              "pour repérer les gaspillages."},
    .headings = {"Régler la bonne température", "Programmer son chauffage",
                 "Chasser les pertes de chaleur", "Suivre sa consommation"},
    .sentences =
        {"La température recommandée est de 19 °C dans les pièces de vie et de 16 à 17 °C dans "
         "les chambres.",
         "Un thermostat programmable abaisse automatiquement la température la nuit et pendant "
         "vos absences.",
         "Fermez les volets et tirez les rideaux dès la tombée de la nuit pour limiter les pertes "
         "par les fenêtres.",
         "Des radiateurs purgés chauffent mieux et plus uniformément : faites-le une fois par an, "
         "avant l'hiver.",
         "Ne couvrez pas vos radiateurs et ne placez pas de meuble devant : la chaleur doit "
         "circuler librement.",
         "Un bas de porte ou un joint de fenêtre coûte quelques euros et supprime des courants "
         "d'air bien réels.",
         "Dans une maison mal isolée, un quart à un tiers de la chaleur s'échappe par la "
         "toiture.",
         "Régler l'eau chaude sanitaire autour de 55 °C suffit au confort tout en limitant les "
         "pertes.",
         "Le relevé mensuel de votre espace client permet de comparer votre consommation d'une "
         "année sur l'autre.",
         "Un logement bien entretenu et bien réglé consomme moins, sans perte de confort."},
    .tips = {"**Réglez le thermostat à 19 °C** dans les pièces de vie.",
             "**Programmez un abaissement la nuit** et pendant vos absences.",
             "**Purgez vos radiateurs** une fois par an.",
             "**Fermez les volets** dès la tombée de la nuit.",
             "**Suivez votre consommation** chaque mois dans votre espace client.",
             "**Traquez les courants d'air** avec des joints et des bas de porte."},
    .hooks = {"Un degré de moins, c'est environ 7 % d'énergie économisée.",
              "Vos radiateurs glougloutent ? Il est temps de les purger.",
              "Volets fermés à la nuit tombée : le plus simple des isolants.",
              "Et si on visait 19 °C cet hiver ?"},
    .scenes = {"Une main ferme les volets d'une maison au crépuscule.",
               "Un enfant regarde ses parents purger un radiateur avec une petite clé.",
               "L'écran de l'appli : un graphique de consommation mois par mois, en baisse."},
    .tags = {"économies d'énergie", "chauffage", "conseils", "sobriété"},
    .hashtags = {"#ÉconomiesDÉnergie", "#Sobriété", "#Chauffage"},
};

const PhraseBank kSavingsEn{
    .titles = {"10 simple ways to cut your heating bill", "19 °C: why every degree counts",
               "Track your consumption to keep it under control",
               "Programmable thermostats: the right setting for every room",
               "Bleeding your radiators: the autumn job that makes a difference",
               "Insulation: where to start for a warmer home"},
    .subjects = {"Saving energy", "Your heating bill", "Your thermostat"},
    .leads = {"Turning the heating down by one degree saves about 7% of energy. Here are other "
              "habits, just as simple, to lighten your bill this winter.",
              "Programming, regulating, insulating: using less energy doesn't mean giving up "
              "comfort.",
              "Your customer account shows your consumption month by month: a precious tool for "
              "spotting waste."},
    .headings = {"Setting the right temperature", "Programming your heating", "Stopping heat loss",
                 "Tracking your consumption"},
    .sentences =
        {"The recommended temperature is 19 °C in living areas and 16 to 17 °C in bedrooms.",
         "A programmable thermostat automatically lowers the temperature at night and while "
         "you're out.",
         "Close the shutters and draw the curtains at nightfall to limit heat loss through the "
         "windows.",
         "Bled radiators heat better and more evenly: do it once a year, before winter.",
         "Don't cover your radiators or put furniture in front of them: heat needs to circulate "
         "freely.",
         "A draught excluder or a window seal costs a few euros and stops very real draughts.",
         "In a poorly insulated house, a quarter to a third of the heat escapes through the "
         "roof.",
         "Setting your hot water to around 55 °C is enough for comfort while limiting losses.",
         "The monthly reading in your customer account lets you compare your consumption from "
         "one year to the next.",
         "A well-maintained, well-adjusted home uses less energy with no loss of comfort."},
    .tips = {"**Set the thermostat to 19 °C** in living areas.",
             "**Programme a lower setting at night** and while you're out.",
             "**Bleed your radiators** once a year.", "**Close the shutters** at nightfall.",
             "**Track your consumption** every month in your customer account.",
             "**Hunt down draughts** with seals and draught excluders."},
    .hooks = {"One degree lower saves about 7% of energy.",
              "Gurgling radiators? Time to bleed them.",
              "Shutters closed at nightfall: the simplest insulation there is.",
              "How about 19 °C this winter?"},
    .scenes = {"A hand closes the shutters of a house at dusk.",
               "A child watches her parents bleed a radiator with a small key.",
               "The app screen: a month-by-month consumption chart, going down."},
    .tags = {"energy saving", "heating", "tips", "efficiency"},
    .hashtags = {"#EnergySaving", "#Heating", "#Efficiency"},
};

// ---- customer service -----------------------------------------------------------------------

const PhraseBank kCustomerFr{
    .titles = {"Votre nouvel espace client est en ligne",
               "Mensualisation : étalez vos paiements sans surprise",
               "Relevé de compteur : transmettez votre index en deux minutes",
               "Service client : nos conseillers à votre écoute, près de chez vous",
               "Déménagement : nos conseils pour transférer votre contrat",
               "Votre facture, ligne par ligne"},
    .subjects = {"Votre espace client", "La mensualisation", "Votre facture"},
    .leads =
        {"Consommation, factures, rendez-vous, paiements : tout est désormais réuni dans "
         "votre nouvel espace client, sur ordinateur comme sur mobile.",
         "Nos conseillers, basés en région, répondent à vos questions du lundi au samedi, "
         "par téléphone, par e-mail ou en agence.",
         "Une facture claire, c'est une facture que l'on comprend. Nous vous aidons à la lire, "
         "ligne par ligne."},
    .headings = {"Ce qui change pour vous", "Vos démarches en ligne", "Nous contacter",
                 "Les questions fréquentes"},
    .sentences =
        {"Connectez-vous avec votre adresse e-mail : contrats, factures et paiements sont "
         "accessibles en un clic.",
         "Avec la mensualisation, vous payez le même montant chaque mois, et votre solde est "
         "régularisé une fois par an.",
         "Transmettez votre index en ligne : votre facture correspond alors à votre consommation "
         "réelle.",
         "Vous déménagez ? Prévenez-nous au moins deux semaines à l'avance pour organiser le "
         "relevé et la mise en service.",
         "Nos conseillers sont joignables du lundi au vendredi de 8 h à 19 h, et le samedi "
         "matin.",
         "Vous pouvez prendre rendez-vous pour l'entretien de votre chaudière directement depuis "
         "l'application.",
         "En cas de difficulté de paiement, contactez-nous sans attendre : des solutions "
         "d'échelonnement existent.",
         "Votre facture distingue l'abonnement, la consommation, les taxes et les contributions.",
         "Nos agences vous accueillent aussi sur rendez-vous pour les démarches plus complexes.",
         "La facture électronique arrive dès son émission et reste disponible dans votre espace "
         "pendant cinq ans."},
    .tips = {"**Activez la facture électronique** pour la recevoir dès son émission.",
             "**Transmettez votre index** chaque mois pour une facture au plus juste.",
             "**Choisissez la date de prélèvement** qui vous convient.",
             "**Prenez rendez-vous en ligne** pour l'entretien annuel.",
             "**Téléchargez vos attestations** en un clic."},
    .hooks = {"Votre facture, vos rendez-vous, votre consommation : tout au même endroit.",
              "Relevé de compteur : deux minutes, depuis votre canapé.",
              "Une question ? Nos conseillers sont en région, pas à l'autre bout du monde.",
              "Déménagement en vue ? On s'occupe du gaz."},
    .scenes = {"Une conseillère souriante, casque sur les oreilles, répond à un appel.",
               "Un smartphone affiche le nouvel espace client ; un doigt fait défiler les "
               "factures.",
               "Des cartons de déménagement dans une entrée, un compteur de gaz au mur."},
    .tags = {"service client", "espace client", "facture", "mensualisation"},
    .hashtags = {"#ServiceClient", "#EspaceClient"},
};

const PhraseBank kCustomerEn{
    .titles = {"Your new customer account is live",
               "Monthly payments: spread your costs with no surprises",
               "Meter readings: send yours in two minutes",
               "Customer service: our advisers are here for you, close to home",
               "Moving house: how to transfer your contract", "Your bill, line by line"},
    .subjects = {"Your customer account", "Monthly payments", "Your bill"},
    .leads = {"Consumption, bills, appointments, payments: everything is now in your new "
              "customer account, on your computer or your phone.",
              "Our advisers, based in the region, answer your questions Monday to Saturday, by "
              "phone, by e-mail or in our branches.",
              "A clear bill is a bill you understand. We help you read it, line by line."},
    .headings = {"What changes for you", "Doing it online", "Getting in touch",
                 "Frequently asked questions"},
    .sentences =
        {"Sign in with your e-mail address: contracts, bills and payments are one click away.",
         "With monthly payments, you pay the same amount every month, and your balance is "
         "settled once a year.",
         "Send your meter reading online: your bill then matches what you really used.",
         "Moving? Let us know at least two weeks ahead so we can arrange the reading and the "
         "connection.",
         "Our advisers are available Monday to Friday from 8 am to 7 pm, and on Saturday "
         "mornings.",
         "You can book your boiler service directly from the app.",
         "If you are struggling to pay, contact us without delay: payment plans are available.",
         "Your bill separates the standing charge, consumption, taxes and levies.",
         "Our branches also welcome you by appointment for more complex matters.",
         "E-bills arrive as soon as they are issued and stay in your account for five years."},
    .tips = {"**Switch to e-bills** to receive them as soon as they are issued.",
             "**Send your meter reading** every month for an accurate bill.",
             "**Choose the direct debit date** that suits you.",
             "**Book your yearly service online**.",
             "**Download your certificates** in one "
             "click."},
    .hooks = {"Your bill, your appointments, your consumption: all in one place.",
              "Meter reading: two minutes, from your sofa.",
              "A question? Our advisers are in the region, not on the other side of the world.",
              "Moving house? We'll take care of the gas."},
    .scenes = {"A smiling adviser with a headset takes a call.",
               "A smartphone shows the new customer account; a finger scrolls through the bills.",
               "Moving boxes in a hallway, a gas meter on the wall."},
    .tags = {"customer service", "customer account", "bill", "monthly payments"},
    .hashtags = {"#CustomerService", "#HereToHelp"},
};

// ---- regulations ----------------------------------------------------------------------------

const PhraseBank kRegulationFr{
    .titles = {"Chèque énergie : qui y a droit et comment l'utiliser ?",
               "Trêve hivernale : ce que dit la loi",
               "Entretien de chaudière : ce qu'impose la réglementation",
               "DPE : ce que l'étiquette énergie change pour votre logement",
               "Certificats d'économies d'énergie : comment ça marche ?",
               "Gaz en citerne : les règles d'implantation à connaître"},
    .subjects = {"Le chèque énergie", "La trêve hivernale", "La réglementation gaz"},
    .leads = {"Chèque énergie, trêve hivernale, entretien obligatoire : plusieurs règles protègent "
              "les consommateurs pendant l'hiver. Tour d'horizon.",
              "Le diagnostic de performance énergétique est devenu un critère central pour louer "
              "ou vendre un logement. Ce qu'il faut savoir.",
              "L'entretien annuel de la chaudière n'est pas une simple recommandation : c'est une "
              "obligation, qui incombe à l'occupant du logement."},
    .headings = {"Ce que prévoit la loi", "Qui est concerné ?", "Vos démarches", "Nos engagements"},
    .sentences =
        {"Le chèque énergie est attribué automatiquement, sous conditions de ressources, et peut "
         "servir à régler votre facture de gaz.",
         "Pendant la trêve hivernale, du 1er novembre au 31 mars, le gaz ne peut pas être coupé "
         "pour impayé dans une résidence principale.",
         "L'entretien annuel d'une chaudière gaz est obligatoire ; il donne lieu à une attestation "
         "à conserver deux ans.",
         "En location, l'entretien courant de la chaudière revient en principe au locataire.",
         "Le DPE classe les logements de A à G selon leur consommation d'énergie et leurs "
         "émissions de gaz à effet de serre.",
         "Les logements les plus énergivores sont progressivement interdits à la location.",
         "Le dispositif des certificats d'économies d'énergie oblige les fournisseurs à financer "
         "des travaux chez leurs clients.",
         "L'implantation d'une citerne obéit à des distances de sécurité vis-à-vis des "
         "habitations et des limites de propriété.",
         "Nos conseillers vous aident à vérifier votre éligibilité et à constituer vos dossiers.",
         "Conservez vos attestations d'entretien : votre assureur peut vous les demander après "
         "un sinistre."},
    .tips = {"**Conservez votre attestation d'entretien** au moins deux ans.",
             "**Vérifiez votre éligibilité au chèque énergie** sur le site officiel.",
             "**Prévenez-nous en cas de difficulté** : nous chercherons une solution ensemble.",
             "**Consultez le DPE** avant de louer ou d'acheter."},
    .hooks = {"Le chèque énergie peut servir à payer votre facture de gaz.",
              "Trêve hivernale : jusqu'au 31 mars, pas de coupure de gaz pour impayé dans une "
              "résidence principale.",
              "Entretien de chaudière : obligatoire, et surtout utile.",
              "DPE : votre logement a-t-il la bonne étiquette ?"},
    .scenes = {"Une enveloppe « chèque énergie » posée sur une table de cuisine.",
               "Un technicien remet une attestation d'entretien à une cliente sur le pas de sa "
               "porte.",
               "Une étiquette énergie colorée, de A à G, apparaît à l'écran."},
    .tags = {"réglementation", "chèque énergie", "trêve hivernale", "DPE"},
    .hashtags = {"#ChèqueÉnergie", "#TrêveHivernale", "#DPE"},
};

const PhraseBank kRegulationEn{
    .titles = {"Energy vouchers: who is eligible and how to use them",
               "The winter truce: what the law says",
               "Boiler servicing: what the regulations require",
               "Energy performance certificates: what your rating means",
               "Energy-saving certificates: how do they work?",
               "Gas tanks: the siting rules you should know"},
    .subjects = {"The energy voucher", "The winter truce", "Gas regulations"},
    .leads = {"Energy vouchers, the winter truce, compulsory servicing: several rules protect "
              "consumers during the winter. An overview.",
              "The energy performance certificate has become a key factor when renting or selling "
              "a home. Here's what you need to know.",
              "An annual boiler service isn't just advice: it is an obligation, and it falls to "
              "whoever lives in the home."},
    .headings = {"What the law says", "Who is concerned?", "What you need to do",
                 "Our commitments"},
    .sentences =
        {"The energy voucher is granted automatically, based on income, and can be used to pay "
         "your gas bill.",
         "During the winter truce, from 1 November to 31 March, gas cannot be cut off for unpaid "
         "bills in a main residence.",
         "An annual service is compulsory for gas boilers; you receive a certificate to keep for "
         "two years.",
         "In rented homes, routine boiler servicing is normally the tenant's responsibility.",
         "The certificate rates homes from A to G according to their energy use and greenhouse "
         "gas emissions.",
         "The least efficient homes are gradually being banned from the rental market.",
         "The energy-saving certificate scheme requires suppliers to fund improvement works for "
         "their customers.",
         "Gas tanks must respect safety distances from homes and property lines.",
         "Our advisers help you check your eligibility and put your application together.",
         "Keep your service certificates: your insurer may ask for them after a claim."},
    .tips = {"**Keep your service certificate** for at least two years.",
             "**Check your eligibility for the energy voucher** on the official website.",
             "**Tell us if you are struggling**: we'll find a solution together.",
             "**Look at the energy rating** before renting or buying."},
    .hooks = {"Your energy voucher can pay your gas bill.",
              "Winter truce: until 31 March, no gas cut-offs for unpaid bills in a main "
              "residence.",
              "Boiler servicing: compulsory, and above all useful.",
              "Energy rating: does your home make the grade?"},
    .scenes = {"An \"energy voucher\" envelope on a kitchen table.",
               "A technician hands a service certificate to a customer on her doorstep.",
               "A colourful energy label, from A to G, appears on screen."},
    .tags = {"regulations", "energy voucher", "winter truce", "EPC"},
    .hashtags = {"#EnergyVoucher", "#WinterTruce", "#EPC"},
};

// ---- sustainability -------------------------------------------------------------------------

const PhraseBank kSustainabilityFr{
    .titles = {"Notre trajectoire bas carbone, étape par étape",
               "Camions au bioGNV : notre flotte de livraison se transforme",
               "Rapport RSE : nos engagements et nos résultats de l'année",
               "Biodiversité : nos sites accueillent des ruches et des prairies fleuries",
               "Réduire les fuites de méthane : un enjeu climatique majeur",
               "Nos collaborateurs s'engagent pour le climat"},
    .subjects = {"Notre démarche RSE", "Notre bilan carbone", "La transition énergétique"},
    .leads = {"Réduire nos émissions, verdir le gaz que nous distribuons, accompagner nos clients "
              "vers la sobriété : notre feuille de route climat tient en trois engagements.",
              "Chaque année, notre rapport de responsabilité sociétale fait le point, chiffres à "
              "l'appui, sur le chemin parcouru et sur ce qu'il reste à faire.",
              "Le méthane est un puissant gaz à effet de serre : chaque fuite évitée compte. Nos "
              "équipes techniques en ont fait une priorité."},
    .headings = {"Nos engagements", "Ce que nous avons déjà fait", "Les prochaines étapes",
                 "Mesurer pour progresser"},
    .sentences =
        {"Notre flotte de camions de livraison passe progressivement au bioGNV, produit à partir "
         "de déchets organiques.",
         "Les campagnes de détection de fuites sur le réseau ont été renforcées, avec des "
         "appareils de mesure plus sensibles.",
         "Nous publions chaque année le bilan de nos émissions de gaz à effet de serre, vérifié "
         "par un organisme indépendant.",
         "La part de gaz renouvelable dans notre approvisionnement progresse chaque année.",
         "Nos sites techniques accueillent des ruches et des prairies en fauche tardive, suivies "
         "avec une association locale.",
         "Nos collaborateurs sont formés à l'écoconduite et aux enjeux climatiques.",
         "Accompagner nos clients vers une consommation plus sobre fait partie de notre mission.",
         "Nos objectifs de réduction sont fixés à l'horizon 2030 et revus chaque année par notre "
         "comité de direction.",
         "Les achats responsables représentent une part croissante de nos dépenses auprès des "
         "fournisseurs.",
         "Les tournées de livraison sont optimisées pour réduire les kilomètres parcourus."},
    .tips = {"**Une flotte de livraison au bioGNV** d'ici 2030.",
             "**Des campagnes de détection de fuites** renforcées sur tout le réseau.",
             "**Un bilan carbone** publié et vérifié chaque année.",
             "**Des tournées optimisées** pour moins de kilomètres parcourus."},
    .hooks = {"Nos camions roulent désormais au gaz… renouvelable.",
              "Une fuite de méthane évitée, c'est un gain direct pour le climat.",
              "Notre rapport RSE est en ligne : engagements, chiffres et points à améliorer.",
              "Des ruches sur nos sites techniques ? Oui, et elles se portent bien."},
    .scenes = {"Un camion aux couleurs d'Énergie Sud fait le plein de bioGNV à une station.",
               "Une apicultrice ouvre une ruche au pied d'un poste de détente gaz.",
               "Un technicien balaie une canalisation avec un détecteur de méthane."},
    .tags = {"RSE", "climat", "bas carbone", "biodiversité"},
    .hashtags = {"#RSE", "#Climat", "#TransitionÉnergétique"},
};

const PhraseBank kSustainabilityEn{
    .titles = {"Our low-carbon roadmap, step by step",
               "Bio-CNG lorries: our delivery fleet is changing",
               "Our CSR report: this year's commitments and results",
               "Biodiversity: beehives and wildflower meadows on our sites",
               "Cutting methane leaks: a major climate issue",
               "Our people take action for the climate"},
    .subjects = {"Our CSR approach", "Our carbon footprint", "The energy transition"},
    .leads = {"Cutting our emissions, greening the gas we distribute, helping our customers use "
              "less: our climate roadmap comes down to three commitments.",
              "Every year, our corporate social responsibility report takes stock, with figures, "
              "of the progress made and of what remains to be done.",
              "Methane is a powerful greenhouse gas: every leak avoided counts. Our technical "
              "teams have made it a priority."},
    .headings = {"Our commitments", "What we have already done", "The next steps",
                 "Measuring to improve"},
    .sentences =
        {"Our delivery fleet is gradually switching to bio-CNG, made from organic waste.",
         "Leak detection campaigns on the network have been stepped up, with more sensitive "
         "measuring equipment.",
         "Every year we publish our greenhouse gas emissions, verified by an independent body.",
         "The share of renewable gas in our supply grows every year.",
         "Our technical sites host beehives and late-mown meadows, monitored with a local "
         "association.",
         "Our staff are trained in eco-driving and climate issues.",
         "Helping our customers use less energy is part of our mission.",
         "Our reduction targets are set for 2030 and reviewed every year by our executive "
         "committee.",
         "Responsible purchasing accounts for a growing share of our spending with suppliers.",
         "Delivery rounds are optimised to cut the distance driven."},
    .tips = {"**A bio-CNG delivery fleet** by 2030.",
             "**Stepped-up leak detection** across the whole network.",
             "**A carbon footprint** published and verified every year.",
             "**Optimised rounds** for fewer kilometres driven."},
    .hooks = {"Our lorries now run on gas… renewable gas.",
              "A methane leak avoided is a direct win for the climate.",
              "Our CSR report is out: commitments, figures and where we must do better.",
              "Beehives on our technical sites? Yes, and they are thriving."},
    .scenes = {"A lorry in Énergie Sud colours fills up with bio-CNG at a station.",
               "A beekeeper opens a hive next to a gas pressure-reduction station.",
               "A technician sweeps a pipeline with a methane detector."},
    .tags = {"CSR", "climate", "low carbon", "biodiversity"},
    .hashtags = {"#CSR", "#Climate", "#EnergyTransition"},
};

// ---- shared ---------------------------------------------------------------------------------

const CommonPhrases kCommonFr{
    .angles = {"ce qu'il faut savoir", "vos questions, nos réponses", "mode d'emploi",
               "nos experts vous répondent", "l'essentiel en 3 minutes", "tout comprendre",
               "les idées reçues"},
    .ctas = {"Prenez rendez-vous avec un technicien depuis votre espace client.",
             "Nos conseillers répondent à vos questions par téléphone ou en agence.",
             "Retrouvez tous nos conseils sur energie-sud.example.",
             "Parlez-en à votre conseiller Énergie Sud : il vous accompagne pas à pas.",
             "Une question ? Écrivez-nous depuis votre espace client, nous vous répondons sous "
             "48 heures."},
    .social_ctas = {"👉 Tous nos conseils sur le blog.", "👉 Rendez-vous en ligne en 2 minutes.",
                    "En savoir plus : energie-sud.example",
                    "📞 Nos conseillers vous répondent du lundi au samedi.",
                    "Partagez ce message autour de vous."},
    .greetings = {"Bonjour,", "Chère cliente, cher client,"},
    .intros = {"Ce mois de {month}, nous vous proposons de faire le point sur votre confort et "
               "votre sécurité.",
               "Voici l'essentiel de {month} : nos conseils, nos nouveautés et les rendez-vous à "
               "ne pas manquer.",
               "En {month}, nos équipes restent mobilisées à vos côtés. Au programme de cette "
               "lettre :"},
    .signoffs = {"À très bientôt,\nL'équipe Énergie Sud",
                 "Bien à vous,\nVos conseillers Énergie Sud"},
    .good_to_know = {"Bon à savoir", "À retenir", "Le conseil du technicien"},
    .list_intros = {"Nos conseils en bref :", "Les gestes à retenir :", "En pratique :"},
    .months = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
               "octobre", "novembre", "décembre"},
    .read_more = "Lire l'article",
    .voice_over = "Voix off",
    .shot = "Plan",
    .end_shot = "**Fin — logo Énergie Sud sur fond blanc.** Texte à l'écran :",
    .legal = "Énergie Sud — document non contractuel. Ne pas jeter sur la voie publique.",
    .brand_suffix = " | Énergie Sud",
};

const CommonPhrases kCommonEn{
    .angles = {"what you need to know", "your questions answered", "a practical guide",
               "our experts explain", "the essentials in 3 minutes", "the full picture",
               "myths and facts"},
    .ctas = {"Book a technician's visit from your customer account.",
             "Our advisers answer your questions by phone or in our branches.",
             "Find all our advice at energie-sud.example.",
             "Talk to your Énergie Sud adviser: they will guide you every step of the way.",
             "A question? Write to us from your customer account; we reply within 48 hours."},
    .social_ctas = {"👉 All our tips on the blog.", "👉 Book online in 2 minutes.",
                    "Find out more: energie-sud.example",
                    "📞 Our advisers are here for you Monday to Saturday.",
                    "Share this with the people around you."},
    .greetings = {"Hello,", "Dear customer,"},
    .intros = {"This {month}, we invite you to take stock of your comfort and your safety.",
               "Here is the essential for {month}: our advice, our news and the dates not to "
               "miss.",
               "In {month}, our teams remain at your side. In this letter:"},
    .signoffs = {"See you soon,\nThe Énergie Sud team", "Kind regards,\nYour Énergie Sud advisers"},
    .good_to_know = {"Good to know", "Remember", "Our technician's tip"},
    .list_intros = {"Our advice in brief:", "The habits to remember:", "In practice:"},
    .months = {"January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"},
    .read_more = "Read the article",
    .voice_over = "Voice-over",
    .shot = "Shot",
    .end_shot = "**End — Énergie Sud logo on white.** On-screen text:",
    .legal = "Énergie Sud — non-contractual document. Please recycle.",
    .brand_suffix = " | Énergie Sud",
};

}  // namespace

const std::vector<Topic>& Topics() {
  static const std::vector<Topic> topics = {
      {"gas_safety", "Hiver 2026 — sécurité gaz", kGasSafetyFr, kGasSafetyEn},
      {"tank", "Citernes : entretien et livraison", kTankFr, kTankEn},
      {"biomethane", "Offre biométhane", kBiomethaneFr, kBiomethaneEn},
      {"heat_pump", "Rénovation énergétique", kHeatPumpFr, kHeatPumpEn},
      {"savings", "Défi économies d'énergie", kSavingsFr, kSavingsEn},
      {"customer", "Nouvel espace client", kCustomerFr, kCustomerEn},
      {"regulation", "Hiver 2026 — sécurité gaz", kRegulationFr, kRegulationEn},
      {"sustainability", "Rapport RSE 2026", kSustainabilityFr, kSustainabilityEn},
  };
  return topics;
}

const CommonPhrases& Common(std::string_view language) {
  return language == "fr" ? kCommonFr : kCommonEn;
}

}  // namespace copydesk::cli::demo
