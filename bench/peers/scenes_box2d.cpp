// The four top-down scenes of `sectar bench env` (Box2dScenes.java) in Box2D C++: the peer JBox2D is
// compared with. Same bodies, shapes, densities, friction, damping, joints, time steps, 8 velocity and
// 3 position iterations, no sleeping, the same scripted control with the same LCG, and the same timing
// as BenchEnvCommand: per repeat a fresh scene, 2000 warm-up steps, then --scene-steps timed steps
// (one discarded repeat first). Prints one JSON line per scene with the keys of sectar's box2d_scene
// line, plus "impl" and "repeats".
//
//   g++ -O2 -std=c++17 scenes_box2d.cpp -lbox2d -o scenes_box2d
//   ./scenes_box2d [--scene pointmass|block|wheeled|swimmer|all] [--scene-steps 200000] [--repeats 5]
// (BenchEnvCommand's defaults and limits: --scene-steps >= 1000, --repeats >= 5)
#include <box2d/box2d.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace {

constexpr int kVelocityIterations = 8, kPositionIterations = 3, kWarmupSteps = 2000;

// The scenes' LCG: uint32 arithmetic, the top 24 bits of the state.
struct Lcg {
  uint32_t state;
  uint32_t next() {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  }
};

// A world with its time step, Box2D steps per env step, and the control applied before every step.
class Scene {
 public:
  Scene(float dt, int substeps) : world_(b2Vec2(0, 0)), dt_(dt), substeps_(substeps) {
    world_.SetAllowSleeping(false);  // the same work every step
  }
  virtual ~Scene() = default;
  Scene(const Scene&) = delete;
  Scene& operator=(const Scene&) = delete;

  // Box2D steps from..from+n-1, the control first in each (the loop of Box2dScenes.Scene.run).
  void run(long from, long n) {
    for (long t = from; t < from + n; ++t) {
      control(t);
      world_.Step(dt_, kVelocityIterations, kPositionIterations);
    }
  }
  int substeps() const { return substeps_; }
  int bodies() const { return world_.GetBodyCount(); }

 protected:
  virtual void control(long t) = 0;

  // A static square arena whose walls' inner faces are at +-l.
  void walls(float l) {
    b2BodyDef def;
    b2Body* ground = world_.CreateBody(&def);
    const float h = 0.1f;
    addBox(ground, l + 2 * h, h, 0, l + h);
    addBox(ground, l + 2 * h, h, 0, -l - h);
    addBox(ground, h, l + 2 * h, l + h, 0);
    addBox(ground, h, l + 2 * h, -l - h, 0);
  }

  b2Body* dynamicBody(float x, float y, const b2Shape& shape, float linearDamping = 0, float angularDamping = 0) {
    b2BodyDef def;
    def.type = b2_dynamicBody;
    def.position.Set(x, y);
    def.linearDamping = linearDamping;
    def.angularDamping = angularDamping;
    b2Body* body = world_.CreateBody(&def);
    b2FixtureDef fixture;
    fixture.shape = &shape;
    fixture.density = 1;
    fixture.friction = 0.3f;
    body->CreateFixture(&fixture);
    return body;
  }

  static b2CircleShape circle(float r) {
    b2CircleShape c;
    c.m_radius = r;
    return c;
  }

  static b2PolygonShape rect(float hx, float hy) {
    b2PolygonShape p;
    p.SetAsBox(hx, hy);
    return p;
  }

  b2World world_;

 private:
  static void addBox(b2Body* body, float hx, float hy, float cx, float cy) {
    b2PolygonShape s;
    s.SetAsBox(hx, hy, b2Vec2(cx, cy), 0);
    body->CreateFixture(&s, 0);
  }

  const float dt_;
  const int substeps_;
};

const b2Vec2 kDirections[4] = {b2Vec2(1, 0), b2Vec2(-1, 0), b2Vec2(0, 1), b2Vec2(0, -1)};

// A circle pushed at speed 2 in one of four directions, a new one every 30 steps.
class PointMass : public Scene {
 public:
  PointMass() : Scene(1.0f / 60.0f, 1) {
    walls(2.8f);
    point_ = dynamicBody(0, 0, circle(0.1f));
  }

 protected:
  void control(long t) override {
    if (t % 30 == 0) action_ = lcg_.next() & 3;
    point_->SetLinearVelocity(2.0f * kDirections[action_]);
  }

 private:
  b2Body* point_;
  Lcg lcg_{1};
  uint32_t action_ = 0;
};

// A fist circle driving at speed 1.5 towards one of four damped boxes, the next one every 300 steps.
class Block : public Scene {
 public:
  Block() : Scene(1.0f / 60.0f, 1) {
    walls(2.8f);
    fist_ = dynamicBody(0, 0, circle(0.1f));
    const float at[4][2] = {{1, 1}, {-1, 1}, {-1, -1}, {1, -1}};
    for (int i = 0; i < 4; ++i) boxes_[i] = dynamicBody(at[i][0], at[i][1], rect(0.15f, 0.15f), 5, 5);
  }

 protected:
  void control(long t) override {
    b2Vec2 d = boxes_[(t / 300) % 4]->GetPosition() - fist_->GetPosition();
    d.Normalize();
    fist_->SetLinearVelocity(1.5f * d);
  }

 private:
  b2Body* fist_;
  b2Body* boxes_[4];
};

// A chassis with two welded wheels; each wheel's sideways velocity is cancelled, then it is driven.
class Wheeled : public Scene {
 public:
  Wheeled() : Scene(1.0f / 60.0f, 1) {
    walls(2.0f);
    b2Body* chassis = dynamicBody(0, 0, rect(0.15f, 0.1f));
    const float ys[2] = {0.12f, -0.12f};
    for (int k = 0; k < 2; ++k) {
      wheels_[k] = dynamicBody(0, ys[k], rect(0.05f, 0.02f));
      b2WeldJointDef weld;
      weld.Initialize(chassis, wheels_[k], wheels_[k]->GetPosition());
      world_.CreateJoint(&weld);
    }
  }

 protected:
  void control(long t) override {
    static const float kThrust[4][2] = {{1, 1}, {-1, -1}, {-1, 1}, {1, -1}};  // forward, back, left, right
    if (t % 30 == 0) action_ = lcg_.next() & 3;
    for (int k = 0; k < 2; ++k) {
      b2Body* wheel = wheels_[k];
      const b2Vec2 right = wheel->GetWorldVector(b2Vec2(0, 1)), forward = wheel->GetWorldVector(b2Vec2(1, 0));
      const b2Vec2 v = wheel->GetLinearVelocity();
      wheel->ApplyLinearImpulse(-wheel->GetMass() * b2Dot(right, v) * right, wheel->GetWorldCenter(), true);
      wheel->ApplyAngularImpulse(-0.1f * wheel->GetInertia() * wheel->GetAngularVelocity(), true);
      const float drive = 0.05f * kThrust[action_][k] - 0.02f * b2Dot(forward, v);
      wheel->ApplyForce(drive * forward, wheel->GetWorldCenter(), true);
    }
  }

 private:
  b2Body* wheels_[2];
  Lcg lcg_{7};
  uint32_t action_ = 0;
};

// Three links joined by two motorised, limited revolute joints in a viscous fluid: 200 steps of 1 ms per
// env step, new motor speeds once per env step, drag on every step.
class Swimmer : public Scene {
 public:
  Swimmer() : Scene(0.001f, 200) {
    walls(2.5f);
    for (int i = 0; i < 3; ++i) links_[i] = dynamicBody(i - 1.0f, 0, rect(0.5f, 0.1f));
    for (int k = 0; k < 2; ++k) {
      b2RevoluteJointDef def;
      def.Initialize(links_[k], links_[k + 1], b2Vec2(-0.5f + k, 0));
      def.enableMotor = true;
      def.maxMotorTorque = 5;
      def.enableLimit = true;
      def.lowerAngle = -1.745f;
      def.upperAngle = 1.745f;
      joints_[k] = static_cast<b2RevoluteJoint*>(world_.CreateJoint(&def));
    }
  }

 protected:
  void control(long t) override {
    if (t % 200 == 0) {
      const float phase = 6.2832f * 0.001f * static_cast<float>(t);  // float arithmetic, as in Java
      joints_[0]->SetMotorSpeed(3.0f * static_cast<float>(std::sin(static_cast<double>(phase))));
      joints_[1]->SetMotorSpeed(3.0f * static_cast<float>(std::sin(static_cast<double>(phase + 1.5708f))));
    }
    const float tangential = 0.1f, normal = 2.0f, rotational = 0.05f;
    for (b2Body* link : links_) {
      const b2Vec2 tan = link->GetWorldVector(b2Vec2(1, 0)), nrm = link->GetWorldVector(b2Vec2(0, 1));
      const b2Vec2 v = link->GetLinearVelocity();
      link->ApplyForceToCenter(-tangential * b2Dot(v, tan) * tan + -normal * b2Dot(v, nrm) * nrm, true);
      link->ApplyTorque(-rotational * link->GetAngularVelocity(), true);
    }
  }

 private:
  b2Body* links_[3];
  b2RevoluteJoint* joints_[2];
};

std::unique_ptr<Scene> build(const std::string& name) {
  if (name == "pointmass") return std::make_unique<PointMass>();
  if (name == "block") return std::make_unique<Block>();
  if (name == "wheeled") return std::make_unique<Wheeled>();
  if (name == "swimmer") return std::make_unique<Swimmer>();
  return nullptr;
}

const char* const kScenes[] = {"pointmass", "block", "wheeled", "swimmer"};

// "box2d-" and the library's version: the package's (run.sh passes Debian's), else what the library says
// of itself (Box2D 2.4.1's b2_version still reads 2.4.0).
std::string impl() {
#ifdef BOX2D_PACKAGE
  return std::string("box2d-") + BOX2D_PACKAGE;
#else
  return "box2d-" + std::to_string(b2_version.major) + "." + std::to_string(b2_version.minor) + "." +
         std::to_string(b2_version.revision);
#endif
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// BenchEnvCommand.scene: repeat -1 is discarded; each repeat builds a fresh scene.
void measure(const std::string& name, long steps, int repeats) {
  std::vector<double> rates;
  int substeps = 1, bodies = 0;
  for (int r = -1; r < repeats; ++r) {
    std::unique_ptr<Scene> scene = build(name);
    substeps = scene->substeps();
    bodies = scene->bodies();
    scene->run(0, kWarmupSteps);
    const auto t0 = std::chrono::steady_clock::now();
    scene->run(kWarmupSteps, steps);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (r >= 0) rates.push_back(steps / seconds);
  }
  const double m = median(rates);
  std::printf("{\"bench\":\"box2d_scene\",\"scene\":\"%s\",\"broadphase\":\"box2d_tree\",\"bodies\":%d,"
              "\"steps\":%ld,\"substeps\":%d,\"env_steps_per_s\":%.1f,\"unit\":\"steps_per_s\",\"median\":%.1f,"
              "\"impl\":\"%s\",\"repeats\":[",
              name.c_str(), bodies, steps, substeps, m / substeps, m, impl().c_str());
  for (size_t i = 0; i < rates.size(); ++i) std::printf("%s%.1f", i ? "," : "", rates[i]);
  std::printf("]}\n");
  std::fflush(stdout);
}

[[noreturn]] void usage(const char* why) {
  std::fprintf(stderr,
               "error: %s\nusage: scenes_box2d [--scene pointmass|block|wheeled|swimmer|all] "
               "[--scene-steps N>=1000] [--repeats N>=5]\n",
               why);
  std::exit(2);
}

long number(const char* option, const char* text, long min) {
  char* end = nullptr;
  const long v = std::strtol(text, &end, 10);
  if (end == text || *end != '\0' || v < min) {
    std::string why = std::string(option) + " must be an integer >= " + std::to_string(min) + ", got '" + text + "'";
    usage(why.c_str());
  }
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  std::string scene = "all";
  long steps = 200000;
  int repeats = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::printf("usage: scenes_box2d [--scene pointmass|block|wheeled|swimmer|all] [--scene-steps N>=1000] [--repeats N>=5]\n");
      return 0;
    }
    if (i + 1 >= argc) usage(("missing value after " + arg).c_str());
    const char* value = argv[++i];
    if (arg == "--scene") {
      scene = value;
      if (scene != "all" && !build(scene)) usage(("unknown scene '" + scene + "'").c_str());
    } else if (arg == "--scene-steps") {
      steps = number("--scene-steps", value, 1000);
    } else if (arg == "--repeats") {
      repeats = static_cast<int>(number("--repeats", value, 5));
    } else {
      usage(("unknown option '" + arg + "'").c_str());
    }
  }
  for (const char* name : kScenes)
    if (scene == "all" || scene == name) measure(name, steps, repeats);
  return 0;
}
