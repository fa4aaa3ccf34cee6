import ArgumentParser
import Study

/// `nmm study plan`: the jobs a plan expands to, each with its id, folder and nmm fit command.
struct StudyPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Check a study plan and list its jobs (id and nmm fit command).")

    @OptionGroup var study: StudyOptions

    func run() throws {
        let (plan, folder) = try study.load()
        let jobs = plan.jobs
        print("\(jobs.count) jobs: \(plan.subjects.count) subjects × \(plan.methods.count) methods × \(plan.folds.count) folds (\(plan.split.kind)) × \(plan.seeds.count) seeds, into \(folder.root.relativePath)/jobs/ID/")
        for job in jobs {
            let command = job.arguments(subjectFolder: folder.subjectFolder(job.subject).relativePath, output: folder.job(job.id).relativePath)
            print("\(job.id)\tnmm \(command.joined(separator: " "))")
        }
    }
}
