#include "engine/protocol/Command.h"

#include "engine/protocol/Json.h"

#include <cstdlib>

namespace forkscope::protocol {

namespace {
bool validLine(double d) {
    return d >= 1 && d <= kMaxBreakLine && d == static_cast<double>(static_cast<int>(d));
}
} // namespace

bool parseBreakLines(std::string_view list, std::vector<int>* lines, std::string* error) {
    lines->clear();
    while (!list.empty()) {
        const std::size_t comma = list.find(',');
        const std::string item(list.substr(0, comma));
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        char* end = nullptr;
        const double d = std::strtod(item.c_str(), &end);
        if (item.empty() || *end != '\0' || !validLine(d)) {
            *error = "a break line must be a whole number from 1 to " +
                     std::to_string(kMaxBreakLine) + ", not '" + item + "'";
            return false;
        }
        lines->push_back(static_cast<int>(d));
    }
    return true;
}

std::optional<Command> parseCommand(std::string_view line, std::string* error) {
    auto fail = [error](std::string why) -> std::optional<Command> {
        if (error) *error = std::move(why);
        return std::nullopt;
    };
    JsonError jsonError;
    auto object = parseFlatObject(line, &jsonError);
    if (!object) return fail("not a JSON object: " + jsonError.message);
    auto cmd = object->find("cmd");
    if (cmd == object->end() || !std::holds_alternative<std::string>(cmd->second))
        return fail("a command needs a \"cmd\" string");
    const std::string& name = std::get<std::string>(cmd->second);

    Command c;
    if (name == "pause")
        c.type = Command::Type::Pause;
    else if (name == "resume")
        c.type = Command::Type::Resume;
    else if (name == "stop")
        c.type = Command::Type::Stop;
    else if (name == "step") {
        c.type = Command::Type::Step;
        if (auto pid = object->find("pid"); pid != object->end()) {
            const auto* d = std::get_if<double>(&pid->second);
            if (!d || *d < 1 || *d != static_cast<double>(static_cast<int>(*d)))
                return fail("\"pid\" must be a positive whole number");
            c.pid = static_cast<int>(*d);
        }
    } else if (name == "speed") {
        c.type = Command::Type::Speed;
        auto value = object->find("value");
        const auto* d = value == object->end() ? nullptr : std::get_if<double>(&value->second);
        if (!d) return fail("\"speed\" needs a numeric \"value\"");
        if (*d < kMinSpeed || *d > kMaxSpeed) return fail("speed must be between 0.1 and 10");
        c.value = *d;
    } else if (name == "break") {
        c.type = Command::Type::Break;
        auto lines = object->find("lines");
        const auto* list =
            lines == object->end() ? nullptr : std::get_if<JsonNumbers>(&lines->second);
        if (!list) return fail("\"break\" needs a \"lines\" array of line numbers");
        for (const double d : *list) {
            if (!validLine(d))
                return fail("a break line must be a whole number from 1 to " +
                            std::to_string(kMaxBreakLine));
            c.lines.push_back(static_cast<int>(d));
        }
    } else {
        return fail("unknown command \"" + name + "\"");
    }
    return c;
}

} // namespace forkscope::protocol
