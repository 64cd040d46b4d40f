package org.chainkg.synthetic;

import java.util.List;

/**
 * The vocabulary of one kind of industrial chain: stage names, the nouns and modifiers its item names are made
 * of, and real CPC groups where patents on its items are classified (the synthetic mapping table maps items to
 * them, as data/mappings/eto-cpc.csv does for the real chain); and its emerging, research-led technologies, of
 * which the generator makes technology islands (see {@link World.Island}).
 */
record Domain(String name, List<String> stages, List<String> cores, List<String> modifiers, List<String> cpc,
              List<Emerging> emerging) {
    /**
     * An emerging technology: the modifier that names its items ("Spintronic wafer tools") and a real CPC group of
     * its own, which no other item is mapped to. The modifier's words occur in no other generated name or text, so
     * BM25 text links to its items come only from outputs about them; the group is neither under nor over any other
     * group the generator uses, so CPC links to its items come only from patents about them.
     */
    record Emerging(String modifier, String cpc) {}

    private static List<Emerging> technologies(String... modifierAndCpc) {
        List<Emerging> out = new java.util.ArrayList<>();
        for (int i = 0; i < modifierAndCpc.length; i += 2) out.add(new Emerging(modifierAndCpc[i], modifierAndCpc[i + 1]));
        return List.copyOf(out);
    }

    static final List<String> NOISE_CPC = List.of("A61B 5/00", "G06Q 10/08", "B65G 47/90", "F16K 31/02", "G06N 20/00",
        "H04L 9/32", "B01D 53/04", "G01K 7/02");

    static final List<Domain> ALL = List.of(
        new Domain("semiconductors", List.of("Design", "Fabrication", "Assembly, testing and packaging"),
            List.of("lithography", "deposition", "etching", "wafer", "photoresist", "implantation", "metrology",
                    "polishing", "photomask", "packaging substrate", "bonding", "inspection", "cleaning", "annealing"),
            List.of("Extreme ultraviolet", "Deep ultraviolet", "Atomic layer", "Chemical vapor", "Plasma", "High-purity",
                    "Advanced", "Wet", "Dry", "Electron-beam", "Thermal", "Optical", "Precision", "Automated"),
            List.of("G03F 7/70", "G03F 7/004", "H01J 37/32", "C23C 16/455", "H10P 50/20", "H10P 52/40", "C30B 15/00",
                    "G01N 21/956", "H10P 76/00", "G06F 30/39", "B24B 37/04", "H10W 74/01"),
            technologies("Spintronic", "H10N 50/10", "Neuromorphic", "G06N 3/063", "Memristive", "H10N 70/20",
                     "Ferroelectric", "H10B 53/30", "Graphene", "C01B 32/182", "Superconducting", "H10N 60/10")),
        new Domain("batteries", List.of("Materials refining", "Cell manufacturing", "Pack assembly"),
            List.of("cathode", "anode", "electrolyte", "separator", "lithium carbonate", "nickel sulfate", "graphite",
                    "electrode coating", "calendering", "cell formation", "binder", "current collector", "electrolyte filling"),
            List.of("High-nickel", "Silicon-doped", "Solid-state", "Layered", "Synthetic", "Spherical", "Coated",
                    "Dry", "Wet", "Ceramic", "Polymer", "Automated", "High-voltage", "Fast-charge"),
            List.of("H01M 4/36", "H01M 4/525", "H01M 10/0525", "H01M 10/052", "H01M 50/409", "H01M 4/583",
                    "H01M 10/0562", "H01M 4/131", "C01G 53/00", "C01D 15/08", "H01M 10/44", "B60L 58/12"),
            technologies("Sodium", "H01M 10/054", "Potassium", "H01M 4/381", "Magnesium", "H01M 4/466",
                     "Zinc", "H01M 12/06", "Vanadium", "H01M 8/188", "Aluminium", "H01M 4/463")),
        new Domain("solar photovoltaics", List.of("Polysilicon", "Cell and wafer", "Module assembly"),
            List.of("polysilicon", "ingot", "wafer slicing", "passivation", "metallization paste", "encapsulant",
                    "solar glass", "junction box", "texturing", "diffusion", "laminator", "busbar", "backsheet"),
            List.of("Monocrystalline", "Multicrystalline", "Bifacial", "Heterojunction", "Perovskite", "Tandem",
                    "Anti-reflective", "Silver", "Copper", "Low-iron", "Automated", "Diamond-wire", "Thin-film", "Tunnel-oxide"),
            List.of("H02S 40/32", "H02S 20/00", "C01B 33/02", "C30B 29/06", "H01L 31/18", "H01L 31/0224",
                    "H01L 31/048", "C03C 17/34", "H02J 3/38", "B32B 17/10"),
            technologies("Kesterite", "H01L 31/0326", "Chalcopyrite", "H01L 31/0322", "Luminescent", "H01L 31/055",
                     "Plasmonic", "G02B 5/008", "Thermophotovoltaic", "H02S 10/30", "Electrochromic", "G02F 1/153")),
        new Domain("rare-earth magnets", List.of("Mining and separation", "Metal and alloy making", "Magnet manufacturing"),
            List.of("neodymium oxide", "dysprosium", "solvent extraction", "alloy strip", "hydrogen decrepitation",
                    "jet milling", "sintering", "grain boundary diffusion", "magnet coating", "magnetization",
                    "ore concentrate", "metal reduction", "bonded magnet"),
            List.of("Heavy rare-earth", "Light rare-earth", "Sintered", "Bonded", "High-coercivity", "Recycled",
                    "Strip-cast", "Vacuum", "Electrolytic", "Ion-exchange", "Hot-pressed", "Automated", "Fine-grained", "Ultra-pure"),
            List.of("H01F 1/057", "H01F 41/02", "C22C 38/00", "C22B 59/00", "C01F 17/00", "B22F 3/16", "H02K 1/27",
                    "H01F 1/08", "C22B 3/04", "H02K 15/03"),
            technologies("Samarium", "H01F 1/055", "Cerium", "H01F 1/0536", "Nanocomposite", "B82Y 25/00",
                     "Bismuth", "H01F 1/047", "Lanthanum", "C22C 28/00", "Magnetocaloric", "H01F 1/012")),
        new Domain("pharmaceutical ingredients", List.of("Starting materials", "Active ingredient synthesis", "Formulation"),
            List.of("key starting material", "chiral intermediate", "active ingredient", "crystallization", "tablet coating",
                    "bioreactor", "chromatography resin", "monoclonal antibody", "excipient", "capsule filling",
                    "lyophilization", "sterile filling", "solvent recovery"),
            List.of("Continuous", "Batch", "Chiral", "Heterocyclic", "Biologic", "Small-molecule", "Sterile",
                    "High-potency", "Single-use", "Enzymatic", "Controlled-release", "Automated", "Generic", "Recombinant"),
            List.of("C07D 401/04", "C07D 487/04", "A61K 31/4439", "A61K 9/20", "C07K 16/28", "A61K 9/48",
                    "B01J 19/00", "C12P 21/02", "A61P 35/00", "C07C 231/02"),
            technologies("Mechanochemical", "B02C 17/00", "Photoredox", "B01J 35/39", "Electrosynthetic", "C25B 3/00",
                     "Biocatalytic", "C12P 17/00", "Microfluidic", "B01L 3/5027", "Radiolabelled", "A61K 51/00")));
}
