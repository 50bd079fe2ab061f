#include "estore/host/app/command_catalog.h"

#include <algorithm>
#include <ostream>

namespace estore::host {

namespace {

std::vector<OptionSpec> makeOptions() {
    return {
        {"db",
         "PATH|URL",
         {"datoteka SQLite ali postgresql://uporabnik@strežnik:vrata/baza (nastavitev host.db)",
          "SQLite file or postgresql://user@host:port/dbname (config host.db)"}},
        {"config",
         "FILE",
         {"datoteka z nastavitvami (.properties, .ini, .json, .xml)",
          "configuration file (.properties, .ini, .json, .xml)"}},
        {"plugins",
         "DIR",
         {"mapa vtičnikov (nastavitev host.plugins_dir; privzeto <bin>/../plugins)",
          "plugin folder (config host.plugins_dir; default <bin>/../plugins)"}},
        {"help", "", {"pomoč za ta ukaz", "this command's help"}},
        {"version",
         "",
         {"različica gostitelja in različica vmesnika host API, ki ga izvaja",
          "the host's version and the host API version it implements"}},
        {"json", "", {"izpis za programe (ključi snake_case)", "machine-readable output (snake_case keys)"}},
        {"platform",
         "ID",
         {"platforma nove trgovine (glejte estore-host platforms)",
          "the platform of the new store (see estore-host platforms)"}},
        {"set",
         "KEY=VALUE",
         {"nastavitev; ponovite za več (skrivnosti tudi iz ESTORE_SECRET_<POLJE>)",
          "a setting; repeat for more (secrets also from ESTORE_SECRET_<FIELD>)"}},
        {"force",
         "",
         {"remove-store: tudi če vtičnik ne more deaktivirati; sync: tudi ustavljeno trgovino",
          "remove-store: even if the plugin cannot deactivate; sync: even a paused store"}},
        {"once", "", {"zažene, kar je na vrsti, in konča", "run what is due, then exit"}},
        {"worker",
         "NAME",
         {"ime tega delavca v zakupih opravil (privzeto VLOGA@GOSTITELJ:PID)",
          "this worker's name in job leases (default ROLE@HOST:PID)"}},
        {"webhook-port",
         "N",
         {"vrata končne točke za webhooke (0: katera koli prosta; nastavitev host.webhook_port)",
          "the webhook endpoint's port (0: any free one; config host.webhook_port)"}},
        {"port-file",
         "FILE",
         {"zapiše zasedena vrata v FILE (run: končne točke za webhooke; ui: strani)",
          "write the bound port to FILE (run: the webhook endpoint's; ui: the pages')"}},
        {"ui-port",
         "N",
         {"vrata strani za upravljanje (0: katera koli prosta; nastavitev host.ui_port)",
          "the admin pages' port (0: any free one; config host.ui_port)"}},
        {"log-level",
         "LEVEL",
         {"error, warning, information (privzeto) ali debug; kam, določa logging.*",
          "error, warning, information (default) or debug; logging.* configures where to"}},
        {"generate",
         "",
         {"izda URL za webhooke trgovine (stari preneha veljati)",
          "issue the store's webhook URL (revokes the old one)"}},
        {"revoke", "", {"prekliče URL za webhooke trgovine", "withdraw the store's webhook URL"}},
        {"lang",
         "sl|en",
         {"jezik sporočil (privzeto iz LC_ALL, LC_MESSAGES, LANG; sicer slovenščina)",
          "the messages' language (default from LC_ALL, LC_MESSAGES, LANG; else Slovenian)"}},
    };
}

std::vector<CommandSpec> makeCommands() {
    return {
        {"platforms",
         {"platforms [--json]"},
         {"platforme v mapi vtičnikov (brez nalaganja kode)",
          "platforms in the plugin folder (no code loaded)"},
         {"json"},
         {"estore-host platforms --json"}},
        {"add-store",
         {"add-store --platform ID --set KEY=VALUE … [--json]"},
         {"doda trgovino (nastavitve preveri v živo pri trgovini)",
          "add a store (its settings validated live against the shop)"},
         {"platform", "set", "json"},
         {"estore-host add-store --platform wix --set site_id=SITE_ID --set warehouse=GLAVNO --set "
          "cost_center=SPLET",
          "ESTORE_SECRET_API_KEY=… estore-host add-store --platform wix --set site_id=SITE_ID"}},
        {"stores",
         {"stores [--json]"},
         {"povezane trgovine (in kaj storiti, ko trgovina potrebuje pozornost)",
          "connected stores (and what to do when one needs attention)"},
         {"json"},
         {"estore-host stores"}},
        {"configure",
         {"configure STORE_ID [--set KEY=VALUE …] [--json]"},
         {"spremeni nastavitve trgovine (preverjene v živo; trgovino spet zažene)",
          "change a store's settings (validated live; resumes it)"},
         {"set", "json"},
         {"estore-host configure wix-1 --set auto_invoice=paid"}},
        {"config",
         {"config check [--json]"},
         {"vsi ključi nastavitev z vrednostjo in izvorom; neznan ključ je zavrnjen z najbližjim znanim",
          "every configuration key with its value and origin; an unknown key is refused with the nearest "
          "known one"},
         {"json"},
         {"estore-host config check", "estore-host --config host.properties config check --json"}},
        {"remove-store",
         {"remove-store STORE_ID [--force] [--json]"},
         {"deaktivira in odstrani trgovino (dnevnik dejavnosti ostane)",
          "deactivate and remove a store (its activity log stays)"},
         {"force", "json"},
         {"estore-host remove-store wix-1"}},
        {"jobs",
         {"jobs [STORE_ID] [--json]"},
         {"načrtovana opravila", "scheduled jobs"},
         {"json"},
         {"estore-host jobs wix-1"}},
        {"activity",
         {"activity STORE_ID [--json]"},
         {"dnevnik dejavnosti trgovine", "a store's activity log"},
         {"json"},
         {"estore-host activity wix-1 --json"}},
        {"sync",
         {"sync STORE_ID JOB [--json] [--force] [--worker NAME]"},
         {"zažene eno opravilo trgovine zdaj in kaže napredek",
          "run one job of a store now, showing progress"},
         {"json", "force", "worker"},
         {"estore-host sync wix-1 orders.import", "estore-host sync wix-1 stock.push --json"}},
        {"orders",
         {"orders STORE_ID [--json]"},
         {"uvožena prodajna naročila trgovine", "a store's imported sales orders"},
         {"json"},
         {"estore-host orders wix-1"}},
        {"invoices",
         {"invoices STORE_ID [--json]"},
         {"računi in dobropisi trgovine (samodejno fakturiranje)",
          "a store's invoices and credit notes (auto-invoicing)"},
         {"json"},
         {"estore-host invoices wix-1"}},
        {"invoice",
         {"invoice show NUMBER [--json]"},
         {"en račun, kot ga bere človek (ZOI, EOR, QR pri davčno potrjenem)",
          "one invoice as a person reads it (ZOI, EOR, QR when fiscal)"},
         {"json"},
         {"estore-host invoice show SPLET1-1-7"}},
        {"stock",
         {"stock WAREHOUSE [--json]", "stock set WAREHOUSE PRODUCT_CODE ON_HAND [RESERVED] [--json]",
          "stock import WAREHOUSE FILE.csv [--json]"},
         {"zaloga skladišča po šifrah izdelkov; nastavi eno ali uvozi CSV (product_code;on_hand;reserved, "
          "vse "
          "ali "
          "nič)",
          "a warehouse's stock by product code; set one, or import a CSV (product_code;on_hand;reserved, all "
          "or "
          "nothing)"},
         {"json"},
         {"estore-host stock GLAVNO", "estore-host stock set GLAVNO KAVA-250 12,5",
          "estore-host stock import GLAVNO zaloga.csv"}},
        {"run",
         {"run [--once] [--worker NAME] [--webhook-port N] [--ui-port N] [--port-file FILE] [--log-level "
          "LEVEL] [--json]"},
         {"razporejevalnik in končna točka za webhooke, s host.ui_port tudi strani za upravljanje (Ctrl+C "
          "ustavi)",
          "the scheduler loop and the webhook endpoint, with host.ui_port the admin pages too (Ctrl+C "
          "stops)"},
         {"once", "worker", "webhook-port", "ui-port", "port-file", "log-level", "json"},
         {"estore-host --config /etc/estore-host/host.properties run",
          "estore-host run --once --worker cron --log-level warning"}},
        {"webhook",
         {"webhook STORE_ID --generate [--json]", "webhook STORE_ID --revoke [--json]"},
         {"izda ali prekliče URL za webhooke trgovine", "issue or withdraw the store's webhook URL"},
         {"generate", "revoke", "json"},
         {"estore-host webhook wix-1 --generate"}},
        {"fiscal",
         {"fiscal status [--json]", "fiscal echo [--json]", "fiscal submit [--json]",
          "fiscal premise register PREMISE --set type=C|cadastral_number=… --set software_supplier=…"},
         {"davčno potrjevanje: stanje, dosegljivost FURS, pošiljanje čakajočih, prijava poslovnega prostora",
          "fiscal verification: status, FURS reachable, send what waits, register a business premise"},
         {"json", "set"},
         {"estore-host fiscal status", "estore-host fiscal premise register SPLET1 --set type=C"}},
        {"secrets",
         {"secrets rotate-key [--json]"},
         {"nov ključ za skrivnosti v bazi; vse so znova zapečatene",
          "a new key for the secrets at rest; all are sealed again"},
         {"json"},
         {"estore-host secrets rotate-key"}},
        {"rates",
         {"rates import FILE.xml [--json]", "rates fetch [--json]"},
         {"referenčni tečaji ECB (eurofxref-daily.xml ali eurofxref-hist.xml, ali z rates.ecb_url); nato "
          "računi, "
          "ki so čakali nanje",
          "the ECB's euro reference rates (eurofxref-daily.xml or eurofxref-hist.xml, or from "
          "rates.ecb_url); "
          "then the invoices that waited for one"},
         {"json"},
         {"estore-host rates import eurofxref-hist.xml", "estore-host rates fetch"}},
        {"ui",
         {"ui [--ui-port N] [--port-file FILE] [--json]"},
         {"strani za upravljanje v brskalniku: trgovine, Dodaj elektronsko trgovino (Ctrl+C za ustavitev)",
          "the admin pages in a browser: the stores, Add electronic store (Ctrl+C stops)"},
         {"ui-port", "port-file", "json"},
         {"estore-host ui", "estore-host --config /etc/estore-host/host.properties ui --ui-port 8090"}},
        {"user",
         {"user add NAME [--json]", "user remove NAME [--json]", "user list [--json]"},
         {"kdo se sme prijaviti v strani za upravljanje (geslo vpišete ali ga podate z ESTORE_UI_PASSWORD)",
          "who may sign in to the admin pages (type the password, or give it in ESTORE_UI_PASSWORD)"},
         {"json"},
         {"estore-host user add ana", "ESTORE_UI_PASSWORD=… estore-host user add ana"}},
        {"demo",
         {"demo [--json]"},
         {"wix-sandbox, dodajanje trgovine in uvoz naročil od začetka do konca",
          "wix-sandbox + add-store + order import, end to end"},
         {"json"},
         {"estore-host demo", "estore-host --lang en demo", "estore-host demo --json"}},
        {"help", {"help [COMMAND]"}, {"pomoč za ukaz", "a command's help"}, {}, {"estore-host help sync"}},
    };
}

/// `text` in lines of at most 100 characters (UTF-8 characters, not bytes), each after `indent`.
std::string wrapped(const std::string& text, const std::string& indent) {
    constexpr std::size_t kWidth = 100;
    const auto width = [](const std::string& s) {
        std::size_t n = 0;
        for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
        return n;
    };
    std::string out, line, word;
    const auto flush = [&] {
        if (!line.empty()) out += indent + line + "\n";
        line.clear();
    };
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != ' ') {
            word += text[i];
            continue;
        }
        if (word.empty()) continue;
        if (!line.empty() && width(indent) + width(line) + 1 + width(word) > kWidth) flush();
        line += (line.empty() ? "" : " ") + word;
        word.clear();
    }
    flush();
    return out;
}

std::string flag(const OptionSpec& o) {
    return "--" + o.name + (o.argument.empty() ? "" : " " + o.argument);
}

/// roff needs its own escapes for backslash and a leading dot or apostrophe; dashes in options are "\-".
std::string roff(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\\')
            out += "\\e";
        else if (c == '-')
            out += "\\-";
        else
            out += c;
    }
    if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
    return out;
}

}  // namespace

const std::vector<std::string>& CommandCatalog::globalOptions() {
    static const std::vector<std::string> global = {"db", "config", "plugins", "lang", "help"};
    return global;
}

const std::vector<OptionSpec>& CommandCatalog::options() {
    static const std::vector<OptionSpec> all = makeOptions();
    return all;
}

const std::vector<CommandSpec>& CommandCatalog::commands() {
    static const std::vector<CommandSpec> all = makeCommands();
    return all;
}

const CommandSpec* CommandCatalog::find(const std::string& command) {
    for (const auto& c : commands())
        if (c.name == command) return &c;
    return nullptr;
}

const OptionSpec* CommandCatalog::option(const std::string& name) {
    for (const auto& o : options())
        if (o.name == name) return &o;
    return nullptr;
}

std::vector<std::string> CommandCatalog::notTakenBy(const CommandSpec& command,
                                                    const std::vector<std::string>& given) {
    std::vector<std::string> refused;
    for (const auto& name : given) {
        const auto& global = globalOptions();
        if (std::find(global.begin(), global.end(), name) != global.end()) continue;
        if (std::find(command.options.begin(), command.options.end(), name) != command.options.end())
            continue;
        if (std::find(refused.begin(), refused.end(), name) == refused.end()) refused.push_back(name);
    }
    return refused;
}

void CommandCatalog::printOverview(std::ostream& out, const Language& lang) {
    const auto t = [&](const host_api::Text& text) -> const std::string& { return lang.pick(text); };
    out << t({"estore-host: referenčni gostitelj e-računov za vtičnike spletnih trgovin",
              "estore-host: the reference e-računi host for web shop plugins"})
        << "\n\n"
        << t({"Uporaba:", "Usage:"})
        << " estore-host [--db PATH|URL] [--config FILE] [--plugins DIR] [--lang sl|en] COMMAND [ARGS]\n"
           "        estore-host COMMAND --help, estore-host --version [--json]\n\n"
        << t({"Ukazi:", "Commands:"}) << "\n";
    for (const auto& c : commands()) {
        for (const auto& usage : c.usages) out << "  " << usage << "\n";
        out << wrapped(t(c.summary), "      ");
    }
    out << "\n" << t({"Splošne možnosti:", "Global options:"}) << "\n";
    for (const auto& name : globalOptions()) {
        const OptionSpec* o = option(name);
        const std::string f = flag(*o);
        out << "  " << f << std::string(f.size() < 19 ? 19 - f.size() : 1, ' ') << t(o->help) << "\n";
    }
    out << "\n"
        << t({"Izhodne kode: 0 v redu, 1 napačna uporaba, 2 operacija ni uspela, 3 vtičnika ni mogoče "
              "naložiti,\n"
              "  4 nastavitve ali vnos zavrnjeni (preverjanje), 5 trgovina je zavrnila poverilnice "
              "(prijava),\n"
              "  6 run --once: nekatera opravila niso uspela\n"
              "Več: estore-host COMMAND --help, man estore-host\n",
              "Exit codes: 0 ok, 1 usage, 2 the operation failed, 3 a plugin could not be loaded,\n"
              "  4 settings or input refused (validation), 5 the shop refused the credentials "
              "(authentication),\n"
              "  6 run --once: some jobs failed\n"
              "More: estore-host COMMAND --help, man estore-host\n"});
}

void CommandCatalog::printCommandHelp(const CommandSpec& command, std::ostream& out, const Language& lang) {
    const auto t = [&](const host_api::Text& text) -> const std::string& { return lang.pick(text); };
    out << t({"Uporaba:", "Usage:"}) << "\n";
    for (const auto& usage : command.usages) out << "  estore-host " << usage << "\n";
    out << "\n" << t(command.summary) << "\n";
    if (!command.options.empty()) {
        out << "\n" << t({"Možnosti:", "Options:"}) << "\n";
        for (const auto& name : command.options) {
            const OptionSpec* o = option(name);
            const std::string f = flag(*o);
            out << "  " << f << std::string(f.size() < 19 ? 19 - f.size() : 1, ' ') << t(o->help) << "\n";
        }
    }
    out << "\n"
        << t({"Splošne možnosti:", "Global options:"})
        << " --db PATH|URL, --config FILE, --plugins DIR, --lang sl|en, --help\n";
    if (!command.examples.empty()) {
        out << "\n" << t({"Primeri:", "Examples:"}) << "\n";
        for (const auto& example : command.examples) out << "  " << example << "\n";
    }
}

void CommandCatalog::printManPage(std::ostream& out, const std::string& version, const Language& lang) {
    const auto t = [&](const host_api::Text& text) { return roff(lang.pick(text)); };
    out << ".TH ESTORE-HOST 1 \"\" \"estore-host " << version << "\" \"e-računi\"\n"
        << lang.pick({".SH IME", ".SH NAME"}) << "\nestore\\-host \\- "
        << t({"referenčni gostitelj e-računov za vtičnike spletnih trgovin",
              "the reference e-računi host for web shop plugins"})
        << "\n"
        << lang.pick({".SH SINOPSIS", ".SH SYNOPSIS"})
        << "\n.B estore\\-host\n[\\fB\\-\\-db\\fR \\fIPATH|URL\\fR] [\\fB\\-\\-config\\fR \\fIFILE\\fR] "
           "[\\fB\\-\\-plugins\\fR \\fIDIR\\fR] [\\fB\\-\\-lang\\fR \\fIsl|en\\fR] \\fICOMMAND\\fR "
           "[\\fIARGS\\fR]\n"
        << lang.pick({".SH OPIS", ".SH DESCRIPTION"}) << "\n"
        << t({"estore-host naloži vtičnike platform spletnih trgovin, izvaja njihova opravila in končno "
              "točko "
              "za webhooke, uvaža naročila, plačana fakturira z davčnim potrjevanjem pri FURS in pošilja "
              "zalogo "
              "v trgovine. Sporočila so v slovenščini; --lang en ali angleške krajevne nastavitve (LC_ALL, "
              "LC_MESSAGES, LANG) jih izpišejo v angleščini.",
              "estore-host loads web shop platform plugins, runs their jobs and webhook endpoint, imports "
              "orders, invoices paid ones with FURS fiscal verification and pushes stock to the shops. "
              "Messages are in Slovenian; --lang en or an English locale (LC_ALL, LC_MESSAGES, LANG) prints "
              "them in English."})
        << "\n"
        << lang.pick({".SH UKAZI", ".SH COMMANDS"}) << "\n";
    for (const auto& c : commands()) {
        out << ".TP\n";
        for (std::size_t i = 0; i < c.usages.size(); ++i)
            out << (i ? ".TQ\n" : "") << ".B " << roff(c.usages[i]) << "\n";
        out << t(c.summary) << ".\n";
        if (!c.examples.empty()) {
            out << ".RS\n";
            for (const auto& e : c.examples) out << ".EX\n" << roff(e) << "\n.EE\n";
            out << ".RE\n";
        }
    }
    out << lang.pick({".SH MOŽNOSTI", ".SH OPTIONS"}) << "\n";
    for (const auto& o : options()) out << ".TP\n.B " << roff(flag(o)) << "\n" << t(o.help) << ".\n";
    const std::vector<host_api::Text> exits = {
        {"v redu", "ok"},
        {"napačna uporaba ukazne vrstice", "the command line is wrong (usage)"},
        {"operacija ni uspela", "the operation failed"},
        {"vtičnika ni mogoče naložiti", "a plugin could not be loaded"},
        {"nastavitve ali vnos zavrnjeni (preverjanje)", "settings or input refused (validation)"},
        {"trgovina je zavrnila poverilnice (prijava)", "the shop refused the credentials (authentication)"},
        {"run --once: nekatera opravila niso uspela", "run --once: some jobs failed"},
    };
    out << lang.pick({".SH IZHODNE KODE", ".SH EXIT STATUS"}) << "\n";
    for (std::size_t code = 0; code < exits.size(); ++code)
        out << ".TP\n" << code << "\n" << t(exits[code]) << "\n";
    out << lang.pick({".SH DATOTEKE", ".SH FILES"}) << "\n.TP\n.I /etc/estore\\-host/host.properties\n"
        << t({"nastavitve, ko --config ni podan", "the configuration, when --config is not given"})
        << "\n.TP\n.I $XDG_CONFIG_HOME/estore\\-host/host.properties\n"
        << t({"uporabnikove nastavitve, pred sistemskimi", "the user's configuration, before the system's"})
        << "\n"
        << lang.pick({".SH GLEJTE TUDI", ".SH SEE ALSO"}) << "\n"
        << t({"README v /usr/share/doc/estore-host.", "The README in /usr/share/doc/estore-host."}) << "\n";
}

void CommandCatalog::printBashCompletion(std::ostream& out) {
    out << "# bash completion for estore-host, generated by `estore-host help --completion bash`.\n"
           "_estore_host() {\n"
           "    local cur=${COMP_WORDS[COMP_CWORD]} command=\"\" i\n"
           "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
           "        case ${COMP_WORDS[i]} in\n"
           "            "
           "--db|--config|--plugins|--lang|--platform|--set|--worker|--webhook-port|--ui-port|--port-file|--"
           "log-level) "
           "((i++)) ;;\n"
           "            -*) ;;\n"
           "            *) command=${COMP_WORDS[i]}; break ;;\n"
           "        esac\n"
           "    done\n"
           "    case ${COMP_WORDS[COMP_CWORD-1]} in\n"
           "        --config|--port-file) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
           "        --plugins) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n"
           "        --lang) COMPREPLY=($(compgen -W \"sl en\" -- \"$cur\")); return ;;\n"
           "        --log-level) COMPREPLY=($(compgen -W \"error warning notice information debug\" -- "
           "\"$cur\")); return ;;\n"
           "    esac\n"
           "    local words\n"
           "    case $command in\n";
    for (const auto& c : commands()) {
        std::string words;
        // The sub-commands named in its usages ("stock set", "fiscal premise"), then its options.
        for (const auto& usage : c.usages) {
            const auto space = usage.find(' ');
            if (space == std::string::npos) continue;
            std::string second = usage.substr(space + 1, usage.find(' ', space + 1) - space - 1);
            const bool word = !second.empty() && std::all_of(second.begin(), second.end(),
                                                             [](char ch) { return ch >= 'a' && ch <= 'z'; });
            if (word && words.find(second + " ") == std::string::npos) words += second + " ";
        }
        for (const auto& name : c.options) words += "--" + name + " ";
        for (const auto& name : globalOptions()) words += "--" + name + " ";
        out << "        " << c.name << ") words=\"" << words.substr(0, words.size() - 1) << "\" ;;\n";
    }
    std::string names;
    for (const auto& c : commands()) names += c.name + " ";
    out << "        *) words=\"" << names
        << "--db --config --plugins --lang --help --version\" ;;\n"
           "    esac\n"
           "    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
           "}\n"
           "complete -F _estore_host estore-host\n";
}

}  // namespace estore::host
